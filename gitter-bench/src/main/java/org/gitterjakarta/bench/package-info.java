/**
 * Issue 7's benchmark harness: settings, the run's order, and turning results into the report.
 * Never part of {@code ./gitter test}.
 */
package org.gitterjakarta.bench;
