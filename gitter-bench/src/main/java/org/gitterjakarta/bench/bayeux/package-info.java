/**
 * The bench's own Bayeux websocket client, many of them at once, and the latency sink their
 * deliveries feed.
 */
package org.gitterjakarta.bench.bayeux;
