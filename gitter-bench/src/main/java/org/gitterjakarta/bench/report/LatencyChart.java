package org.gitterjakarta.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Fan-out latency by percentile, one line per system and S, as HdrHistogram plots it: the x axis is
 * log10(1/(1-percentile)), so the tail (99%, 99.9%) gets as much room as the median.
 */
public final class LatencyChart {

  public record Line(String name, Histogram latencyMicros) {}

  private LatencyChart() {}

  public static void write(Path file, List<Line> lines) {
    XYChart chart =
        new XYChartBuilder()
            .width(1000)
            .height(600)
            .title("Fan-out latency (send to receive)")
            .xAxisTitle("percentile: 0 = p0, 1 = p90, 2 = p99, 3 = p99.9, 4 = p99.99")
            .yAxisTitle("latency (ms)")
            .build();
    chart.getStyler().setYAxisLogarithmic(true);
    // no custom tick labels: XChart's tick search looped forever when rounded labels repeated
    chart.getStyler().setXAxisMin(0.0).setXAxisMax(5.0);
    Map<String, Integer> runs = new HashMap<>(); // a size may be run twice in one bench run
    for (Line line : lines) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      if (line.latencyMicros().getTotalCount() == 0) {
        continue;
      }
      for (HistogramIterationValue v : line.latencyMicros().percentiles(5)) {
        double p = v.getPercentileLevelIteratedTo();
        if (p >= 100.0 || p > 99.999) {
          break;
        }
        x.add(Math.log10(100.0 / (100.0 - p)));
        y.add(Math.max(0.01, v.getValueIteratedTo() / 1000.0));
      }
      if (!x.isEmpty()) {
        int run = runs.merge(line.name(), 1, Integer::sum);
        String name = run == 1 ? line.name() : line.name() + " (run " + run + ")";
        chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
      }
    }
    if (chart.getSeriesMap().isEmpty()) {
      return;
    }
    try {
      BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
