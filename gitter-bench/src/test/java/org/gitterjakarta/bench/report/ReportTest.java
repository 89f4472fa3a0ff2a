package org.gitterjakarta.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

  Report cut =
      new Report("bench", Map.of("CPU", "two cores"), Map.of("fanout-sizes", "100"))
          .verdict(new Verdict("cold start ≤ 30 s", "12.0 s", true))
          .verdict(new Verdict("history ≥ 5,000 req/s", "300 req/s", null))
          .section(
              new Section("Fan-out", "fanout", 2, "system", "S", "p99 ms", "lost")
                  .row("faye", 100, 12.345, 0L)
                  .row("gitter-jakarta", 100, Double.NaN, 3L));

  @Test
  void writesTargetsWithTheirResultAndOneTablePerSection() {
    String md = cut.markdown("chart.png");

    assertThat(md)
        .contains("| cold start ≤ 30 s | 12.0 s | met |")
        .contains("| history ≥ 5,000 req/s | 300 req/s | not measured |")
        .contains(
            "| system | S | p99 ms | lost |\n| --- | --- | --- | --- |\n| faye | 100 | 12.35 | 0 |")
        .contains("| gitter-jakarta | 100 | n/a | 3 |")
        .contains("![fan-out latency by percentile](chart.png)");
  }

  @Test
  void flattensEveryCellAfterTheKeyColumnsIntoCsv() {
    assertThat(cut.csv())
        .startsWith("measurement,row,metric,value\n")
        .contains("target,cold start ≤ 30 s,result,met\n")
        .contains("fanout,faye 100,p99 ms,12.35\n")
        .contains("fanout,gitter-jakarta 100,lost,3\n")
        .contains("\"history ≥ 5,000 req/s\"");
  }

  @Test
  void drawsTheChart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    var histogram = new org.HdrHistogram.Histogram(3);
    for (int i = 1; i <= 10_000; i++) {
      histogram.recordValue(i);
    }
    LatencyChart.write(
        dir.resolve("chart.png"), java.util.List.of(new LatencyChart.Line("demo", histogram)));

    assertThat(dir.resolve("chart.png")).isNotEmptyFile();
  }

  @Test
  void drawsASizeRunTwiceAsTwoLines(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    var histogram = new org.HdrHistogram.Histogram(3);
    for (int i = 1; i <= 1_000; i++) {
      histogram.recordValue(i);
    }
    var line = new LatencyChart.Line("gitter-jakarta S=100", histogram);

    LatencyChart.write(dir.resolve("twice.png"), java.util.List.of(line, line));

    assertThat(dir.resolve("twice.png")).isNotEmptyFile();
  }
}
