/** Measurement 4: latest-page and beforeId history reads on a room of many messages. */
package org.gitterjakarta.bench.history;
