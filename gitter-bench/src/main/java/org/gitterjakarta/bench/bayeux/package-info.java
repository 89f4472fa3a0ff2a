/**
 * Many Bayeux websocket clients at once (the shared test-support client, its deliveries scanned
 * rather than parsed), and the latency sink their frames feed.
 */
package org.gitterjakarta.bench.bayeux;
