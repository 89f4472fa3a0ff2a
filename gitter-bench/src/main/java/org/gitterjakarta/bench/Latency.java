package org.gitterjakarta.bench;

import org.HdrHistogram.Histogram;

/** Milliseconds out of a histogram recorded in microseconds; NaN when nothing was recorded. */
public final class Latency {

  private Latency() {}

  public static double millis(Histogram micros, double percentile) {
    return micros.getTotalCount() == 0
        ? Double.NaN
        : micros.getValueAtPercentile(percentile) / 1000.0;
  }

  public static double minMillis(Histogram micros) {
    return micros.getTotalCount() == 0 ? Double.NaN : micros.getMinValue() / 1000.0;
  }

  public static double maxMillis(Histogram micros) {
    return micros.getTotalCount() == 0 ? Double.NaN : micros.getMaxValue() / 1000.0;
  }
}
