package org.gitterjakarta.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gitterjakarta.bench.ceiling.CeilingBench;
import org.gitterjakarta.bench.connections.ConnectionsBench;
import org.gitterjakarta.bench.fanout.FanoutBench;
import org.gitterjakarta.bench.fanout.FanoutRun;
import org.gitterjakarta.bench.history.HistoryBench;
import org.gitterjakarta.bench.probe.GcLog;
import org.gitterjakarta.bench.probe.ProcessProbe;
import org.gitterjakarta.bench.report.Machine;
import org.gitterjakarta.bench.report.Report;
import org.gitterjakarta.bench.setup.Account;
import org.gitterjakarta.bench.setup.Accounts;
import org.gitterjakarta.bench.setup.FayeServer;
import org.gitterjakarta.bench.setup.GitterApi;
import org.gitterjakarta.bench.setup.GitterProcesses;
import org.gitterjakarta.bench.throughput.ThroughputBench;
import org.gitterjakarta.testsupport.launcher.GitterRun;
import org.gitterjakarta.testsupport.launcher.GitterScript;

/**
 * Issue 18's benchmark: starts {@code ./gitter run} (its cold start is measurement 6), seeds
 * accounts, restarts the server on the same data for a fan-out in its first minute, starts the Faye
 * server, runs fan-out, the ceiling, throughput, history and connections in turn, writes the report
 * and stops everything it started. A failing measurement is noted and the others still run.
 */
public final class Bench {

  private final Settings settings;
  private final Report report;
  private final Findings findings;
  private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
  private boolean failed;

  private Bench(Settings settings) {
    this.settings = settings;
    String when = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    this.report =
        new Report(
            "gitter-bench " + when + (settings.quick() ? " (quick: smoke-test sizes)" : ""),
            Machine.facts(settings.root()),
            settingsTable(settings));
    this.findings = new Findings(report);
  }

  public static void main(String[] args) {
    Settings settings;
    try {
      settings = Settings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Bench bench = new Bench(settings);
    Runtime.getRuntime().addShutdownHook(new Thread(bench::stopAll));
    System.exit(bench.run() ? 0 : 1);
  }

  private boolean run() {
    long runStart = System.nanoTime();
    Path work = settings.workDir();
    Map<String, String> env = environment(work);
    try {
      checkPortsFree();
      deleteTree(work);
      System.out.println("[bench] starting ./gitter run (cold start)...");
      GitterScript script = new GitterScript(settings.root());
      GitterRun first = script.run(work.resolve("gitter-run.log"), settings.number("port"), env);
      started.add(first);
      findings.coldStart(first);
      System.out.printf(
          "[bench] cold start: health UP after %.1f s%n", first.startup().toMillis() / 1000.0);
      int needed =
          1
              + Stream.of(
                      settings.numbers("fanout-sizes"),
                      settings.numbers("throughput-clients"),
                      List.of(settings.number("fresh-size")))
                  .flatMap(List::stream)
                  .max(Comparator.naturalOrder())
                  .orElse(1);
      System.out.printf("[bench] seeding %d accounts (./gitter user seed)...%n", needed);
      List<Account> accounts = Accounts.seed(script, env, needed);
      FreshStart fresh = freshStart(script, env, first, accounts);
      GitterRun gitter = fresh.gitter();
      FayeServer faye =
          FayeServer.start(
              settings.root(),
              work,
              settings.number("faye-port"),
              settings.number("faye-redis-port"));
      started.add(faye);
      GitterApi api = new GitterApi(gitter.uri("/"));
      ProcessProbe redis = GitterProcesses.redis(gitter);
      ProcessProbe mongo = GitterProcesses.mongo(gitter);
      List<ProcessProbe> common = List.of(redis, mongo, ProcessProbe.self("bench"));
      List<ProcessProbe> withServer =
          List.of(GitterProcesses.server(gitter), redis, mongo, ProcessProbe.self("bench"));

      phase(
          "fan-out",
          () -> {
            var fanout =
                new FanoutBench(
                    gitter,
                    serverGc(work),
                    faye,
                    api,
                    accounts,
                    common,
                    settings.number("fanout-rate"),
                    settings.number("fanout-seconds"),
                    settings.number("grace-seconds"));
            findings.fanout(
                fanout.run(settings.numbers("fanout-sizes")),
                settings.number("fanout-rate"),
                settings.number("fanout-seconds"));
          });
      if (fresh.restartSeconds() > 0) {
        findings.freshStart(
            fresh.restartSeconds(),
            fresh.endedAfterReadySeconds(),
            fresh.run(),
            FRESH_EARLY_SECONDS,
            settings.number("fanout-rate"),
            settings.number("fresh-seconds"),
            settings.number("fresh-warmup-seconds"),
            settings.number("fresh-client-warmup-seconds"));
      }
      int clients = settings.number("history-clients");
      phase(
          "ceiling",
          () ->
              findings.ceiling(
                  CeilingBench.run(
                      api,
                      gitter.uri("/"),
                      accounts.get(0),
                      clients,
                      settings.number("ceiling-seconds"),
                      withServer),
                  clients));
      phase(
          "throughput",
          () ->
              findings.throughput(
                  ThroughputBench.run(
                      api,
                      accounts,
                      settings.numbers("throughput-clients"),
                      settings.number("throughput-seconds"),
                      withServer)));
      phase(
          "history",
          () -> {
            var history = new HistoryBench(api, accounts.get(0));
            var seeding = history.seed(settings.number("history-messages"));
            findings.history(
                seeding,
                clients,
                history.read(clients, settings.number("history-seconds"), withServer));
          });
      phase(
          "connections",
          () ->
              findings.connections(
                  ConnectionsBench.run(gitter, api, accounts, settings.numbers("connections"))));
    } catch (RuntimeException | IOException e) {
      failed(" set-up", e);
    } finally {
      stopAll();
    }
    try {
      Files.createDirectories(settings.reportDir()); // the chart is written before the report
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    findings.writeChart(settings.reportDir());
    report.write(
        settings.reportDir(),
        Files.exists(settings.reportDir().resolve(Findings.CHART)) ? Findings.CHART : null);
    System.out.println("[bench] report: " + settings.reportDir().resolve("report.md"));
    System.out.printf("[bench] whole run: %s%n", minutes(runStart));
    return !failed;
  }

  /** Messages sent in this first part of the fresh run are also reported on their own. */
  static final int FRESH_EARLY_SECONDS = 4;

  /**
   * The server to measure from here on and, unless {@code --fresh-size 0}, the fan-out run in its
   * first minute: {@code ./gitter run} stopped and started again on the same data directory (the
   * stores keep their files: Redis its append-only file, the MongoDB wire server its H2 file), then
   * S subscribers and messages at once, with no warm-up. restartSeconds is 0 when not restarted.
   */
  private record FreshStart(
      GitterRun gitter, double restartSeconds, FanoutRun run, double endedAfterReadySeconds) {}

  private FreshStart freshStart(
      GitterScript script, Map<String, String> env, GitterRun first, List<Account> accounts) {
    int s = settings.number("fresh-size");
    if (s <= 0) {
      return new FreshStart(first, 0, null, 0);
    }
    long start = System.nanoTime();
    System.out.println("[bench] fresh start: preparing the room, restarting ./gitter run...");
    var before =
        new FanoutBench(
            first,
            null,
            null,
            new GitterApi(first.uri("/")),
            accounts,
            List.of(),
            settings.number("fanout-rate"),
            1,
            1);
    String room = before.prepareRoom(s);
    int elsewhereWarmUp = settings.number("fresh-elsewhere-warmup-seconds");
    String elsewhere = elsewhereWarmUp > 0 ? before.prepareRoom(s) : null;
    int clientWarmUp = settings.number("fresh-client-warmup-seconds");
    if (clientWarmUp > 0) {
      System.out.printf(
          "[bench] fresh start: %d s of the bench's own client warm-up...%n", clientWarmUp);
      before.exerciseClients(s, clientWarmUp);
    }
    started.remove(first);
    first.close();
    GitterRun gitter =
        script.run(
            settings.workDir().resolve("gitter-run-restart.log"), settings.number("port"), env);
    long ready = System.nanoTime();
    started.add(gitter);
    double restart = gitter.startup().toMillis() / 1000.0;
    System.out.printf("[bench] restart: health UP after %.1f s%n", restart);
    FanoutRun run = null;
    try {
      var fresh =
          new FanoutBench(
              gitter,
              serverGc(settings.workDir()),
              null,
              new GitterApi(gitter.uri("/")),
              accounts,
              List.of(),
              settings.number("fanout-rate"),
              settings.number("fresh-seconds"),
              settings.number("grace-seconds"));
      if (elsewhere != null) {
        System.out.printf(
            "[bench] fresh start: %d s of traffic in another room first...%n", elsewhereWarmUp);
        fresh.exerciseClients(elsewhere, s, elsewhereWarmUp);
        report.note(
            "The fresh instance had "
                + elsewhereWarmUp
                + " s of the same traffic in another room of "
                + s
                + " before it was measured (--fresh-elsewhere-warmup-seconds).");
      }
      run = fresh.fresh(room, s, FRESH_EARLY_SECONDS, settings.number("fresh-warmup-seconds"));
    } catch (RuntimeException e) {
      failed(" fresh start", e);
    }
    double afterReady = (System.nanoTime() - ready) / 1e9;
    System.out.printf(
        "[bench] fresh start done in %s; its fan-out ended %.0f s after ready%n",
        minutes(start), afterReady);
    return new FreshStart(gitter, restart, run, afterReady);
  }

  private void phase(String name, Runnable measurement) {
    long start = System.nanoTime();
    System.out.println("[bench] " + name + "...");
    try {
      measurement.run();
    } catch (RuntimeException e) {
      failed(" " + name, e);
    }
    System.out.printf("[bench] %s done in %s%n", name, minutes(start));
  }

  private static String minutes(long startNanos) {
    long seconds = (System.nanoTime() - startNanos) / 1_000_000_000L;
    return String.format("%d min %02d s", seconds / 60, seconds % 60);
  }

  private void failed(String what, Exception e) {
    failed = true;
    System.err.println("[bench]" + what + " failed: " + e);
    e.printStackTrace();
    report.note("**The" + what + " measurement failed:** " + e.getMessage());
  }

  private void stopAll() {
    synchronized (started) {
      for (int i = started.size() - 1; i >= 0; i--) {
        try {
          started.get(i).close();
        } catch (Exception e) {
          System.err.println("[bench] stopping: " + e);
        }
      }
      started.clear();
    }
  }

  /**
   * Its own environment, port, stores and data: never a developer's instance or ./data. Only the
   * server's JVM options may come from the calling shell.
   */
  private Map<String, String> environment(Path work) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("GITTER_ENV", "bench");
    env.put("GITTER_DATA_DIR", work.resolve("data").toString());
    env.put("GITTER_REDIS_PORT", "" + settings.number("redis-port"));
    env.put("GITTER_MONGO_PORT", "" + settings.number("mongo-port"));
    String javaOpts = System.getenv("GITTER_JAVA_OPTS");
    if (javaOpts != null) {
      env.put("GITTER_JAVA_OPTS", javaOpts);
    }
    return env;
  }

  /**
   * The GC log ./gitter run writes for the all-in-one instance (role "all") on the bench's port.
   */
  private GcLog serverGc(Path work) {
    return new GcLog(work.resolve("data/logs/gc-all-" + settings.number("port") + ".log"));
  }

  private void checkPortsFree() throws IOException {
    for (String port :
        List.of("port", "faye-port", "redis-port", "faye-redis-port", "mongo-port")) {
      try (var socket = new ServerSocket(settings.number(port))) {
        // free
      } catch (IOException taken) {
        throw new IOException(
            "port "
                + settings.number(port)
                + " (--"
                + port
                + ") is in use: another bench or service?");
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  private static Map<String, String> settingsTable(Settings settings) {
    Map<String, String> table = new LinkedHashMap<>();
    table.put(
        "mode",
        settings.quick()
            ? "--quick (smoke-test sizes; targets at full size are not judged)"
            : "full size");
    new java.util.TreeMap<>(settings.values()).forEach(table::put);
    table.put(
        "server",
        "`./gitter run` with GITTER_ENV=bench (`server-config/bench`), GITTER_JAVA_OPTS="
            + System.getenv().getOrDefault("GITTER_JAVA_OPTS", "(default -Xmx768m)"));
    table.put(
        "load generator",
        "this JVM (max heap "
            + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MiB): JDK HttpClient;"
            + " websockets over 4 HttpClients with 2 listener threads each, 100 opening at a time");
    table.put("ephemeral ports (net.ipv4.ip_local_port_range)", Machine.ephemeralPorts());
    table.put("open files (ulimit -n)", System.getenv().getOrDefault("BENCH_ULIMIT", "?"));
    return table;
  }
}
