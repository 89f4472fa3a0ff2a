/**
 * The report: Markdown tables with issue 18's targets, CSV, the latency chart and the machine's
 * facts.
 */
package org.gitterjakarta.bench.report;
