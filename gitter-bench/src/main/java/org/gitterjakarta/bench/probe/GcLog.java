package org.gitterjakarta.bench.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's stop-the-world pauses, read from the GC log {@code ./gitter run} writes ({@code
 * -Xlog:gc} with the {@code timemillis} decorator): a pause stops every delivery in flight, so a
 * run's tail is read next to them.
 */
public final class GcLog {

  /**
   * "[...][1796494252058ms] GC(2) Pause Young (Normal) (G1 Evacuation Pause) 26M->14M(380M)
   * 11.542ms"
   */
  private static final Pattern PAUSE =
      Pattern.compile("\\[(\\d+)ms\\].*\\bGC\\(\\d+\\) Pause .* (\\d+(?:\\.\\d+)?)ms$");

  /** Collectors whose pauses {@code -Xlog:gc} shows (JDK 17's ZGC logs them only with phases). */
  private static final Pattern PAUSES_LOGGED =
      Pattern.compile("\\bUsing (G1|Parallel|Serial|Shenandoah)\\b");

  private final Path file;

  public GcLog(Path file) {
    this.file = file;
  }

  /** Stop-the-world pauses that ended between two wall-clock instants (epoch milliseconds). */
  public record Pauses(int count, double totalMillis, double longestMillis) {

    public static final Pauses UNKNOWN = new Pauses(-1, 0, 0);

    public boolean known() {
      return count >= 0;
    }

    /** "3, longest 41.2 ms", or empty when there was no log to read. */
    public String summary() {
      if (!known()) {
        return "";
      }
      return count == 0 ? "0" : String.format("%d, longest %.1f ms", count, longestMillis);
    }
  }

  public Pauses between(long fromEpochMillis, long toEpochMillis) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      return Pauses.UNKNOWN;
    }
    return pauses(lines, fromEpochMillis, toEpochMillis);
  }

  static Pauses pauses(List<String> lines, long from, long to) {
    if (lines.stream().noneMatch(line -> PAUSES_LOGGED.matcher(line).find())) {
      return Pauses.UNKNOWN; // another collector, or not this log's start: no count beats a wrong 0
    }
    int count = 0;
    double total = 0;
    double longest = 0;
    for (String line : lines) {
      Matcher m = PAUSE.matcher(line);
      if (!m.find()) {
        continue;
      }
      long at = Long.parseLong(m.group(1));
      if (at < from || at > to) {
        continue;
      }
      double millis = Double.parseDouble(m.group(2));
      count++;
      total += millis;
      longest = Math.max(longest, millis);
    }
    return new Pauses(count, total, longest);
  }
}
