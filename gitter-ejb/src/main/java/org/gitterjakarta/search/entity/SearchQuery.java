package org.gitterjakarta.search.entity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message search in Gitter's syntax: words (each matching a word or a word's start), {@code
 * -word} to exclude, {@code OR} between alternatives (terms are otherwise all required, {@code AND}
 * may be written), {@code from:username} and {@code sent:[FROM TO]} with dates or ISO date-times
 * ({@code *} for open ends).
 *
 * @param alternatives each alternative is the tokens that must all match; empty = any message
 * @param excluded tokens no result may contain
 * @param from a sender's username, or null
 * @param sentFrom inclusive lower bound in epoch millis, or null
 * @param sentTo exclusive upper bound in epoch millis, or null
 */
public record SearchQuery(
    List<List<String>> alternatives,
    List<String> excluded,
    String from,
    Long sentFrom,
    Long sentTo) {

  private static final Pattern SENT =
      Pattern.compile("sent:\\[\\s*(\\S+)\\s+TO\\s+(\\S+)\\s*]", Pattern.CASE_INSENSITIVE);

  /** Parses a query; an unreadable date range is an error for the caller to report. */
  public static SearchQuery parse(String query) {
    String rest = query == null ? "" : query;
    Long sentFrom = null;
    Long sentTo = null;
    Matcher sent = SENT.matcher(rest);
    if (sent.find()) {
      sentFrom = bound(sent.group(1), false).orElse(null);
      sentTo = bound(sent.group(2), true).orElse(null);
      rest = rest.substring(0, sent.start()) + " " + rest.substring(sent.end());
    }
    String from = null;
    List<List<String>> alternatives = new ArrayList<>();
    List<String> current = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    for (String part : rest.trim().split("\\s+")) {
      if (part.isEmpty() || part.equals("AND")) {
        continue;
      }
      if (part.equals("OR")) {
        if (!current.isEmpty()) {
          alternatives.add(current);
          current = new ArrayList<>();
        }
      } else if (part.regionMatches(true, 0, "from:", 0, 5) && part.length() > 5) {
        from = part.substring(5).replaceFirst("^@", "");
      } else if (part.startsWith("-") && part.length() > 1) {
        excluded.addAll(SearchTokens.forQuery(part.substring(1)));
      } else {
        current.addAll(SearchTokens.forQuery(part));
      }
    }
    if (!current.isEmpty()) {
      alternatives.add(current);
    }
    return new SearchQuery(
        List.copyOf(alternatives), List.copyOf(excluded), from, sentFrom, sentTo);
  }

  /** Whether the query says nothing a message could be filtered by. */
  public boolean isEmpty() {
    return alternatives.isEmpty()
        && excluded.isEmpty()
        && from == null
        && sentFrom == null
        && sentTo == null;
  }

  /** A date is a whole UTC day: as an upper bound it includes that day. */
  static Optional<Long> bound(String value, boolean upper) {
    if (value.equals("*")) {
      return Optional.empty();
    }
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return Optional.of(
            (upper ? day.plusDays(1) : day)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC)
                .toEpochMilli());
      }
      Instant at =
          value.endsWith("Z") ? Instant.parse(value) : OffsetDateTime.parse(value).toInstant();
      return Optional.of(at.toEpochMilli() + (upper ? 1 : 0));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Unreadable date in sent:[...]: " + value, e);
    }
  }
}
