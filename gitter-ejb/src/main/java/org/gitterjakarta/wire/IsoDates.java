package org.gitterjakarta.wire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Gitter's date format on the wire: ISO-8601 in UTC with milliseconds, e.g. {@code
 * 2014-03-24T15:09:03.561Z}.
 */
public final class IsoDates {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private IsoDates() {}

  public static String format(long epochMillis) {
    return FORMAT.format(Instant.ofEpochMilli(epochMillis));
  }

  public static String format(Long epochMillis) {
    return epochMillis == null ? null : format(epochMillis.longValue());
  }
}
