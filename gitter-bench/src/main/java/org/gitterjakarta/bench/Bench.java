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
import org.gitterjakarta.bench.connections.ConnectionsBench;
import org.gitterjakarta.bench.fanout.FanoutBench;
import org.gitterjakarta.bench.history.HistoryBench;
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
 * Issue 7's benchmark: starts {@code ./gitter run} (its cold start is measurement 6) and the Faye
 * server, seeds accounts, runs fan-out, throughput, history and connections in turn, writes the
 * report and stops everything it started. A failing measurement is noted and the others still run.
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
    Path work = settings.workDir();
    Map<String, String> env = environment(work);
    try {
      checkPortsFree();
      deleteTree(work);
      System.out.println("[bench] starting ./gitter run (cold start)...");
      GitterScript script = new GitterScript(settings.root());
      GitterRun gitter = script.run(work.resolve("gitter-run.log"), settings.number("port"), env);
      started.add(gitter);
      findings.coldStart(gitter);
      System.out.printf(
          "[bench] cold start: health UP after %.1f s%n", gitter.startup().toMillis() / 1000.0);
      FayeServer faye =
          FayeServer.start(
              settings.root(), work, settings.number("faye-port"), settings.number("redis-port"));
      started.add(faye);
      int needed =
          1
              + Stream.of(settings.numbers("fanout-sizes"), settings.numbers("throughput-clients"))
                  .flatMap(List::stream)
                  .max(Comparator.naturalOrder())
                  .orElse(1);
      System.out.printf("[bench] seeding %d accounts (./gitter user seed)...%n", needed);
      List<Account> accounts = Accounts.seed(script, env, needed);
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
            int clients = settings.number("history-clients");
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
    return !failed;
  }

  private void phase(String name, Runnable measurement) {
    System.out.println("[bench] " + name + "...");
    try {
      measurement.run();
    } catch (RuntimeException e) {
      failed(" " + name, e);
    }
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

  private void checkPortsFree() throws IOException {
    for (String port : List.of("port", "faye-port", "redis-port", "mongo-port")) {
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
    table.put("open files (ulimit -n)", System.getenv().getOrDefault("BENCH_ULIMIT", "?"));
    return table;
  }
}
