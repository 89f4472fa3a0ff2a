package org.gitterjakarta.moderation.entity;

import java.time.Duration;

/**
 * Gitter's report weighting: trust in the reporter grows with account age (nothing below 2 days,
 * full after 180), fresh messages count fully, week-old ones half, month-old ones not at all; room
 * admins weigh 2.5 times. A message whose reports weigh {@value #DELETE_AT} or more is removed.
 */
public final class ReportWeights {

  public static final double DELETE_AT = 2.0;
  static final Duration UNTRUSTED = Duration.ofDays(2);
  static final Duration TRUSTED = Duration.ofDays(180);
  static final Duration FRESH = Duration.ofDays(2);
  static final Duration RECENT = Duration.ofDays(21);
  static final double ADMIN_FACTOR = 2.5;

  private ReportWeights() {}

  public static double weight(
      long reporterCreated, long messageSent, long now, boolean reporterIsAdmin) {
    return reporterTrust(now - reporterCreated)
        * messageAge(now - messageSent)
        * (reporterIsAdmin ? ADMIN_FACTOR : 1.0);
  }

  static double reporterTrust(long ageMillis) {
    if (ageMillis < UNTRUSTED.toMillis()) {
      return 0;
    }
    if (ageMillis >= TRUSTED.toMillis()) {
      return 1;
    }
    return (double) (ageMillis - UNTRUSTED.toMillis())
        / (TRUSTED.toMillis() - UNTRUSTED.toMillis());
  }

  static double messageAge(long ageMillis) {
    if (ageMillis < FRESH.toMillis()) {
      return 1;
    }
    return ageMillis < RECENT.toMillis() ? 0.5 : 0;
  }
}
