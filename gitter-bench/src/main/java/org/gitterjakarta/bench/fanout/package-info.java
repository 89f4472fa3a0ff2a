/**
 * Measurements 1 and 2: send-to-receive latency to S subscribers, gitter-jakarta against Faye with
 * faye-redis.
 */
package org.gitterjakarta.bench.fanout;
