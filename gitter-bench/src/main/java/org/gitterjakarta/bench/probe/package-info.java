/**
 * CPU and resident memory of the server, Redis, MongoDB, Faye and the load generator itself, read
 * from {@code /proc}.
 */
package org.gitterjakarta.bench.probe;
