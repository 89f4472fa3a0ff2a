/**
 * Measurement 3: persisted messages per second with C concurrent senders, and the closed-loop load
 * it shares with history.
 */
package org.gitterjakarta.bench.throughput;
