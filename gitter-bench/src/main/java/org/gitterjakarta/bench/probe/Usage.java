package org.gitterjakarta.bench.probe;

/** What one process used during a phase: CPU as % of one core (200 = both cores busy), RSS. */
public record Usage(double cpuPercent, double peakRssMiB, double endRssMiB) {

  public String cpu() {
    return Double.isNaN(cpuPercent) ? "n/a" : String.format("%.0f%%", cpuPercent);
  }

  public String rss() {
    return Double.isNaN(peakRssMiB) ? "n/a" : String.format("%.0f", peakRssMiB);
  }
}
