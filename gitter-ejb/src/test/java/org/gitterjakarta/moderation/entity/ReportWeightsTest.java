package org.gitterjakarta.moderation.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReportWeightsTest {

  static final long NOW = 1_800_000_000_000L;

  static long daysAgo(double days) {
    return NOW - (long) (days * Duration.ofDays(1).toMillis());
  }

  @Test
  void trustsReportersMoreAsTheirAccountsAge() {
    assertThat(ReportWeights.weight(daysAgo(1), NOW, NOW, false)).isZero();
    assertThat(ReportWeights.weight(daysAgo(91), NOW, NOW, false)).isCloseTo(0.5, within(0.001));
    assertThat(ReportWeights.weight(daysAgo(180), NOW, NOW, false)).isEqualTo(1.0);
    assertThat(ReportWeights.weight(daysAgo(2000), NOW, NOW, false)).isEqualTo(1.0);
  }

  @Test
  void weighsOldMessagesLess() {
    long veteran = daysAgo(365);
    assertThat(ReportWeights.weight(veteran, daysAgo(1), NOW, false)).isEqualTo(1.0);
    assertThat(ReportWeights.weight(veteran, daysAgo(10), NOW, false)).isEqualTo(0.5);
    assertThat(ReportWeights.weight(veteran, daysAgo(30), NOW, false)).isZero();
  }

  @Test
  void countsRoomAdminsTwoAndAHalfTimes() {
    assertThat(ReportWeights.weight(daysAgo(365), NOW, NOW, true)).isEqualTo(2.5);
    assertThat(ReportWeights.weight(daysAgo(365), NOW, NOW, true))
        .as("one admin report is enough to remove a fresh message")
        .isGreaterThanOrEqualTo(ReportWeights.DELETE_AT);
  }
}
