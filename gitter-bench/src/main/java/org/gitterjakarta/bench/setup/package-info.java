/**
 * What a run starts and prepares: {@code ./gitter run}, the Faye server, seeded accounts, and the
 * REST API v1 calls the load makes.
 */
package org.gitterjakarta.bench.setup;
