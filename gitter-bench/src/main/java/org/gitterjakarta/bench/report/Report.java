package org.gitterjakarta.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The run's report: {@code report.md} (Markdown tables) and {@code results.csv}. */
public final class Report {

  private final String title;
  private final Map<String, String> machine;
  private final Map<String, String> settings;
  private final List<Verdict> verdicts = new ArrayList<>();
  private final List<Section> sections = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  public Report(String title, Map<String, String> machine, Map<String, String> settings) {
    this.title = title;
    this.machine = machine;
    this.settings = settings;
  }

  public Report verdict(Verdict verdict) {
    verdicts.add(verdict);
    return this;
  }

  public Report section(Section section) {
    sections.add(section);
    return this;
  }

  public Report note(String note) {
    notes.add(note);
    return this;
  }

  public void write(Path dir, String chartFile) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("report.md"), markdown(chartFile));
      Files.writeString(dir.resolve("results.csv"), csv());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String markdown(String chartFile) {
    StringBuilder md = new StringBuilder("# " + title + "\n\n");
    md.append("## Targets (issue 18)\n\n");
    md.append(
        table(
            List.of("target", "measured", "result"),
            verdicts.stream().map(v -> List.of(v.target(), v.measured(), v.result())).toList()));
    for (Section section : sections) {
      md.append("\n## ").append(section.title).append("\n\n");
      md.append(table(section.headers, section.rows));
      for (String note : section.notes) {
        md.append("\n").append(note).append("\n");
      }
      if (chartFile != null && section.measurement.equals("fanout")) {
        md.append("\n![fan-out latency by percentile](").append(chartFile).append(")\n");
      }
    }
    md.append("\n## Machine and versions\n\n");
    md.append(
        table(
            List.of("", ""),
            machine.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList()));
    md.append("\n## Settings\n\n");
    md.append(
        table(
            List.of("setting", "value"),
            settings.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList()));
    if (!notes.isEmpty()) {
      md.append("\n## Notes\n\n");
      notes.forEach(note -> md.append("- ").append(note).append("\n"));
    }
    return md.toString();
  }

  static String table(List<String> headers, List<List<String>> rows) {
    StringBuilder md = new StringBuilder();
    md.append(line(headers));
    md.append(line(headers.stream().map(h -> "---").toList()));
    rows.forEach(row -> md.append(line(row)));
    return md.toString();
  }

  private static String line(List<String> cells) {
    return "| "
        + String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList())
        + " |\n";
  }

  String csv() {
    StringBuilder csv = new StringBuilder("measurement,row,metric,value\n");
    for (Verdict v : verdicts) {
      csv.append(csvLine("target", v.target(), "result", v.result()));
    }
    for (Section section : sections) {
      for (List<String> row : section.rows) {
        String key = String.join(" ", row.subList(0, section.keyColumns));
        for (int i = section.keyColumns; i < row.size(); i++) {
          csv.append(csvLine(section.measurement, key, section.headers.get(i), row.get(i)));
        }
      }
    }
    return csv.toString();
  }

  private static String csvLine(String... cells) {
    List<String> quoted = new ArrayList<>();
    for (String cell : cells) {
      quoted.add(cell.matches(".*[,\"\\n].*") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
    }
    return String.join(",", quoted) + "\n";
  }
}
