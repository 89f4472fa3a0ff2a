/**
 * Turns failures into Gitter's error replies: an HTTP status and a {@code {"error": "..."}} JSON
 * body. Domain exceptions from {@code gitter-ejb} get their own mappers here, one status each.
 */
package org.gitterjakarta.api.errors;
