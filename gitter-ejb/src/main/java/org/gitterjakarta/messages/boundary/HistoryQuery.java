package org.gitterjakarta.messages.boundary;

import org.gitterjakarta.problems.Problem;

/**
 * The options of {@code GET .../chatMessages}: a page size (50 by default, at most 100), at most
 * one cursor, and Gitter's skip limit of 5000.
 */
public record HistoryQuery(
    Integer limit,
    Integer skip,
    String beforeId,
    String afterId,
    String aroundId,
    boolean includeThreads) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 100;
  public static final int MAX_SKIP = 5000;

  public static HistoryQuery latest() {
    return new HistoryQuery(null, null, null, null, null, false);
  }

  public int pageSize() {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1) {
      throw Problem.invalid("limit must be a positive number");
    }
    return Math.min(limit, MAX_LIMIT);
  }

  public int skipped() {
    if (skip == null) {
      return 0;
    }
    if (skip < 0 || skip > MAX_SKIP) {
      throw Problem.invalid("skip must be between 0 and " + MAX_SKIP);
    }
    return skip;
  }
}
