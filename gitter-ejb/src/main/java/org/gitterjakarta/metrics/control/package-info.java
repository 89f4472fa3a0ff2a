/**
 * The product's own figures for operators, served with Payara's MicroProfile Metrics at {@code
 * /metrics} (Prometheus text): messages sent, rate-limited requests, unread fan-out time, Redis and
 * MongoDB errors. Features call {@link org.gitterjakarta.metrics.control.ProductMetrics} where the
 * thing happens; this package only names, describes and registers. The realtime WAR registers its
 * own delivery figures (deliveries, lag, sockets) next to the fan-out.
 */
package org.gitterjakarta.metrics.control;
