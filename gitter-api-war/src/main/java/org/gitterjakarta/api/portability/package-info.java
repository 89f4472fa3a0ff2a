/**
 * Gitter's export files for API clients: {@code /v1/export/user/:userId/<kind>.ndjson} and {@code
 * /v1/export/rooms/:roomId/<kind>.ndjson} (Gitter served them at {@code /api_web/export/...}, which
 * the web application serves here for browsers).
 */
package org.gitterjakarta.api.portability;
