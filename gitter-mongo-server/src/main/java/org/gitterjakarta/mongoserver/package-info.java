/**
 * The stand-in for mongod on machines without MongoDB: mongo-java-server with its H2 file backend,
 * started as its own process by {@code ./gitter run} and in memory by the test runs, and with
 * secondary indexes that answer queries ({@code IndexedH2Collection}), which the library itself
 * only records. It knows nothing of the product; the product only ever sees a {@code mongodb://}
 * URI.
 */
package org.gitterjakarta.mongoserver;
