package org.gitterjakarta.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One measurement's table. The first {@code keyColumns} cells of a row name it (e.g. system and S);
 * the CSV holds every other cell as one {@code measurement,row,metric,value} line.
 */
public final class Section {

  final String title;
  final String measurement;
  final List<String> headers;
  final int keyColumns;
  final List<List<String>> rows = new ArrayList<>();
  final List<String> notes = new ArrayList<>();

  public Section(String title, String measurement, int keyColumns, String... headers) {
    this.title = title;
    this.measurement = measurement;
    this.keyColumns = keyColumns;
    this.headers = List.of(headers);
  }

  public Section row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(
          title + ": " + cells.length + " cells for " + headers.size() + " columns");
    }
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(format(cell));
    }
    rows.add(row);
    return this;
  }

  public Section note(String note) {
    notes.add(note);
    return this;
  }

  static String format(Object cell) {
    if (cell instanceof Double) {
      double d = (Double) cell;
      if (Double.isNaN(d)) {
        return "n/a";
      }
      return Math.abs(d) >= 100 ? String.format("%.0f", d) : String.format("%.2f", d);
    }
    return String.valueOf(cell);
  }
}
