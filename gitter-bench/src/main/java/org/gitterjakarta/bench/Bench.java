package org.gitterjakarta.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.gitterjakarta.bench.probe.ThreadCpu;
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
import org.gitterjakarta.testsupport.launcher.GitterStores;

/**
 * Issue 18's benchmark: starts {@code ./gitter stores} and {@code ./gitter run} (their cold start
 * is measurement 6), seeds accounts, restarts the server (and then the stores with it) on the same
 * data for a fan-out in its first minute after each restart, starts the Faye server, runs fan-out,
 * the ceiling, throughput, history and connections in turn, writes the report and stops everything
 * it started. A failing measurement is noted and the others still run.
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
      System.out.println("[bench] starting ./gitter stores, then ./gitter run (cold start)...");
      GitterScript script = new GitterScript(settings.root());
      GitterStores firstStores = script.stores(work.resolve("gitter-stores.log"), env);
      started.add(firstStores);
      GitterRun first =
          script.run(
              work.resolve("gitter-run.log"),
              settings.number("port"),
              firstStores.environmentFor(env));
      started.add(first);
      // read at once: what the server spent until ready, its warm-ups included
      ThreadCpu startupCpu = ThreadCpu.of(GitterProcesses.server(first).pid());
      findings.coldStart(seconds(firstStores.startup()), seconds(first.startup()), startupCpu);
      System.out.printf(
          "[bench] cold start: stores after %.1f s, health UP after %.1f s more%n",
          seconds(firstStores.startup()), seconds(first.startup()));
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
      List<Account> accounts = Accounts.seed(script, firstStores.environmentFor(env), needed);
      FreshStart fresh = freshStart(script, env, firstStores, first, accounts);
      GitterRun gitter = fresh.gitter();
      FayeServer faye =
          FayeServer.start(
              settings.root(),
              work,
              settings.number("faye-port"),
              settings.number("faye-redis-port"));
      started.add(faye);
      GitterApi api = new GitterApi(gitter.uri("/"));
      ProcessProbe redis = GitterProcesses.redis(fresh.stores());
      ProcessProbe mongo = GitterProcesses.mongo(fresh.stores());
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
      if (!fresh.restarts().isEmpty()) {
        findings.freshStart(
            fresh.restarts(),
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
  static final int FRESH_EARLY_SECONDS = FanoutBench.FIRST_SECONDS;

  /**
   * The stores and the server to measure from here on and, unless {@code --fresh-size 0}, a fan-out
   * run in the first minute after each restart of {@code --fresh-restarts}, on the same data
   * directory (the stores keep their files: Redis its append-only file, the MongoDB wire server its
   * H2 file), each with S subscribers and messages at once and no warm-up:
   *
   * <ul>
   *   <li>{@value Settings#RESTART_INSTANCE}: {@code ./gitter run} alone, its stores kept running,
   *       as a production instance restarts beside its MongoDB and Redis;
   *   <li>{@value Settings#RESTART_EVERYTHING}: the stores too, as a new user's {@code ./gitter
   *       run} starts its embedded ones with the instance.
   * </ul>
   */
  private record FreshStart(GitterStores stores, GitterRun gitter, List<Findings.Fresh> restarts) {}

  private FreshStart freshStart(
      GitterScript script,
      Map<String, String> env,
      GitterStores stores,
      GitterRun first,
      List<Account> accounts) {
    int s = settings.number("fresh-size");
    List<String> kinds = settings.words("fresh-restarts");
    if (s <= 0 || kinds.isEmpty()) {
      return new FreshStart(stores, first, List.of());
    }
    long start = System.nanoTime();
    System.out.println("[bench] fresh start: preparing the rooms...");
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
    int elsewhereWarmUp = settings.number("fresh-elsewhere-warmup-seconds");
    Map<String, String> rooms = new LinkedHashMap<>();
    Map<String, String> elsewhere = new LinkedHashMap<>();
    for (String kind : kinds) {
      rooms.put(kind, before.prepareRoom(s));
      if (elsewhereWarmUp > 0) {
        elsewhere.put(kind, before.prepareRoom(s));
      }
    }
    int clientWarmUp = settings.number("fresh-client-warmup-seconds");
    if (clientWarmUp > 0) {
      System.out.printf(
          "[bench] fresh start: %d s of the bench's own client warm-up...%n", clientWarmUp);
      before.exerciseClients(s, clientWarmUp);
    }
    List<Findings.Fresh> restarts = new ArrayList<>();
    GitterRun gitter = first;
    for (String kind : kinds) {
      started.remove(gitter);
      gitter.close();
      double storesSeconds = 0;
      if (Settings.RESTART_EVERYTHING.equals(kind)) {
        started.remove(stores);
        stores.close();
        stores = script.stores(settings.workDir().resolve("gitter-stores-restart.log"), env);
        started.add(stores);
        storesSeconds = seconds(stores.startup());
      }
      gitter =
          script.run(
              settings.workDir().resolve("gitter-run-restart-" + kind + ".log"),
              settings.number("port"),
              stores.environmentFor(env));
      long ready = System.nanoTime();
      started.add(gitter);
      double restart = storesSeconds + seconds(gitter.startup());
      System.out.printf("[bench] restart (%s): health UP after %.1f s%n", kind, restart);
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
        if (elsewhere.containsKey(kind)) {
          System.out.printf(
              "[bench] fresh start: %d s of traffic in another room first...%n", elsewhereWarmUp);
          fresh.exerciseClients(elsewhere.get(kind), s, elsewhereWarmUp);
        }
        run =
            fresh.fresh(
                rooms.get(kind), s, FRESH_EARLY_SECONDS, settings.number("fresh-warmup-seconds"));
      } catch (RuntimeException e) {
        failed(" fresh start (" + kind + ")", e);
      }
      restarts.add(new Findings.Fresh(kind, restart, run, (System.nanoTime() - ready) / 1e9));
      keepServerLog("payara-restart-" + kind + ".log");
    }
    if (elsewhereWarmUp > 0) {
      report.note(
          "Each fresh instance had "
              + elsewhereWarmUp
              + " s of the same traffic in another room of "
              + s
              + " before it was measured (--fresh-elsewhere-warmup-seconds).");
    }
    System.out.printf("[bench] fresh starts done in %s%n", minutes(start));
    return new FreshStart(stores, gitter, restarts);
  }

  private static double seconds(java.time.Duration duration) {
    return duration.toMillis() / 1000.0;
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
   * JVM options of the server and of the MongoDB wire server may come from the calling shell.
   */
  private Map<String, String> environment(Path work) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("GITTER_ENV", "bench");
    env.put("GITTER_DATA_DIR", work.resolve("data").toString());
    env.put("GITTER_REDIS_PORT", "" + settings.number("redis-port"));
    env.put("GITTER_MONGO_PORT", "" + settings.number("mongo-port"));
    for (String name : List.of("GITTER_JAVA_OPTS", "GITTER_MONGO_JAVA_OPTS")) {
      String javaOpts = System.getenv(name);
      if (javaOpts != null) {
        env.put(name, javaOpts);
      }
    }
    return env;
  }

  /**
   * A copy of the server's log as it stands: each start of `./gitter run` on the same port and data
   * directory empties it, and a restart's log is what explains an odd fresh run afterwards.
   */
  private void keepServerLog(String name) {
    Path log =
        settings.workDir().resolve("data/logs/payara-all-" + settings.number("port") + ".log");
    try {
      Files.copy(log, settings.workDir().resolve(name), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      System.out.printf("[bench] warning: the server's log not kept as %s: %s%n", name, e);
    }
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
            + System.getenv().getOrDefault("GITTER_JAVA_OPTS", "(default -Xmx768m)")
            + "; the MongoDB wire server (`./gitter stores`) with GITTER_MONGO_JAVA_OPTS="
            + System.getenv().getOrDefault("GITTER_MONGO_JAVA_OPTS", "(default -Xmx1g)"));
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
