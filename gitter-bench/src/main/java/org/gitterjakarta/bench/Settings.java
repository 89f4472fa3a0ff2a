package org.gitterjakarta.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sizes and places of one bench run: {@code --name value} options over the full-size defaults
 * (issue 18), or over small ones with {@code --quick}.
 */
public record Settings(Map<String, String> values, boolean quick, Path root, Path reportDir) {

  static final String USAGE =
      """
      usage: gitter-bench/run [--quick] [--name value]...
        --fanout-sizes 100,1000,5000   subscribers S per fan-out run
        --fanout-rate 5                messages per second the sender posts
        --fanout-seconds 30            measured sending time per run (after a 3 s warm-up)
        --throughput-clients 1,16,64   concurrent senders C
        --throughput-seconds 20        measured time per C (after a 3 s warm-up)
        --history-messages 100000      messages in the history room
        --history-clients 32           concurrent readers
        --history-seconds 20           measured time per query kind (after a 3 s warm-up)
        --fresh-size 1000              subscribers S of the fan-out right after a restart (0: no restart)
        --fresh-seconds 20             its sending time, with no warm-up
        --fresh-restarts instance,everything
                                       what is restarted before each such run: the instance
                                       alone (its stores keep running, as in production), or
                                       the stores too (as a new user's ./gitter run)
        --fresh-warmup-seconds 0       traffic of that same fan-out before it is measured (an
                                       experiment: how long a warm-up would have to run)
        --fresh-elsewhere-warmup-seconds 0
                                       such traffic in another room of S, right after the
                                       restart (an experiment: how much of the coldness traffic
                                       elsewhere takes away; its members are the measured
                                       room's, so their own state warms up too)
        --fresh-client-warmup-seconds 10
                                       such a fan-out (another room) before the restart,
                                       so that the bench's own client code is warm (0: none)
        --ceiling-seconds 10           measured time per ceiling request (after a 3 s warm-up)
        --connections 1000,10000,20000 idle websocket clients held (cumulative)
        --grace-seconds 10             wait for late deliveries after the last send
        --port 18080 --faye-port 18000 --redis-port 16380 --mongo-port 27317
        --faye-redis-port 16381        Faye's own Redis (its load stays out of Gitter's)
        --report-dir DIR               default: gitter-bench/reports/<date> (target/quick-report/<date> with --quick)
      """;

  /** What a restart before a fresh fan-out stops and starts again ({@code --fresh-restarts}). */
  static final String RESTART_INSTANCE = "instance";

  static final String RESTART_EVERYTHING = "everything";

  private static final Map<String, String> FULL =
      Map.ofEntries(
          Map.entry("fanout-sizes", "100,1000,5000"),
          Map.entry("fanout-rate", "5"),
          Map.entry("fanout-seconds", "30"),
          Map.entry("throughput-clients", "1,16,64"),
          Map.entry("throughput-seconds", "20"),
          Map.entry("history-messages", "100000"),
          Map.entry("history-clients", "32"),
          Map.entry("history-seconds", "20"),
          Map.entry("fresh-size", "1000"),
          Map.entry("fresh-seconds", "20"),
          Map.entry("fresh-restarts", "instance,everything"),
          Map.entry("fresh-warmup-seconds", "0"),
          Map.entry("fresh-elsewhere-warmup-seconds", "0"),
          Map.entry("fresh-client-warmup-seconds", "10"),
          Map.entry("ceiling-seconds", "10"),
          Map.entry("connections", "1000,10000,20000"),
          Map.entry("grace-seconds", "10"),
          Map.entry("port", "18080"),
          Map.entry("faye-port", "18000"),
          Map.entry("redis-port", "16380"),
          Map.entry("faye-redis-port", "16381"),
          Map.entry("mongo-port", "27317"));

  private static final Map<String, String> QUICK =
      Map.ofEntries(
          Map.entry("fanout-sizes", "20"),
          Map.entry("fanout-seconds", "5"),
          Map.entry("throughput-clients", "1,16"),
          Map.entry("throughput-seconds", "5"),
          Map.entry("history-messages", "200"),
          Map.entry("history-clients", "8"),
          Map.entry("history-seconds", "5"),
          Map.entry("connections", "100"),
          Map.entry("grace-seconds", "5"),
          Map.entry("fresh-size", "20"),
          Map.entry("fresh-seconds", "5"),
          Map.entry("fresh-client-warmup-seconds", "2"),
          Map.entry("ceiling-seconds", "3"));

  static Settings parse(String... args) {
    boolean quick = Arrays.asList(args).contains("--quick");
    Map<String, String> values = new LinkedHashMap<>(FULL);
    if (quick) {
      values.putAll(QUICK);
    }
    String reportDir = null;
    for (int i = 0; i < args.length; i++) {
      String name = args[i].replaceFirst("^--", "");
      if ("quick".equals(name)) {
        continue;
      }
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("bad option " + args[i] + "\n" + USAGE);
      }
      String value = args[++i];
      if ("report-dir".equals(name)) {
        reportDir = value;
      } else if (values.containsKey(name)) {
        values.put(name, value);
      } else {
        throw new IllegalArgumentException("unknown option --" + name + "\n" + USAGE);
      }
    }
    checkRestarts(values.get("fresh-restarts"));
    Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
    String date = LocalDate.now().toString();
    Path report =
        reportDir != null
            ? Path.of(reportDir).toAbsolutePath()
            : quick
                ? root.resolve("gitter-bench/target/quick-report/" + date)
                : root.resolve("gitter-bench/reports/" + date);
    return new Settings(Map.copyOf(values), quick, root, report);
  }

  /** Each known, none twice: a typo must stop the run before its minutes of set-up. */
  private static void checkRestarts(String value) {
    Set<String> seen = new HashSet<>();
    for (String kind : value.split(",")) {
      String restart = kind.strip();
      if (restart.isEmpty()) {
        continue;
      }
      if (!List.of(RESTART_INSTANCE, RESTART_EVERYTHING).contains(restart) || !seen.add(restart)) {
        throw new IllegalArgumentException(
            "--fresh-restarts takes instance and/or everything, each once: "
                + value
                + "\n"
                + USAGE);
      }
    }
  }

  public int number(String name) {
    return Integer.parseInt(values.get(name).strip());
  }

  public List<Integer> numbers(String name) {
    return Arrays.stream(values.get(name).split(","))
        .map(String::strip)
        .map(Integer::valueOf)
        .toList();
  }

  /** A comma-separated list; empty for an empty value. */
  public List<String> words(String name) {
    return Arrays.stream(values.get(name).split(","))
        .map(String::strip)
        .filter(word -> !word.isEmpty())
        .toList();
  }

  /** Where the run's stores, logs and instance live; never a developer's ./data. */
  public Path workDir() {
    return root.resolve("gitter-bench/target/run");
  }
}
