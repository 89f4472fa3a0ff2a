/**
 * Taking data out and bringing it in: a person's data and a room's history as newline-delimited
 * JSON in Gitter's API shapes (its {@code /api_web/export/...} files), streamed a batch at a time,
 * and the operator's import of such a file (or Gitter API pages) into a room. It reads through the
 * other features' boundaries and stores; it owns no collection of its own.
 */
package org.gitterjakarta.portability;
