package org.gitterjakarta.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.gitterjakarta.bench.ceiling.CeilingBench;
import org.gitterjakarta.bench.connections.ConnectionsBench;
import org.gitterjakarta.bench.fanout.FanoutBench;
import org.gitterjakarta.bench.fanout.FanoutRun;
import org.gitterjakarta.bench.history.HistoryBench;
import org.gitterjakarta.bench.probe.ThreadCpu;
import org.gitterjakarta.bench.probe.Usage;
import org.gitterjakarta.bench.report.LatencyChart;
import org.gitterjakarta.bench.report.Report;
import org.gitterjakarta.bench.report.Section;
import org.gitterjakarta.bench.report.Verdict;
import org.gitterjakarta.bench.throughput.ClosedLoop;

/** Turns each measurement's results into the report's tables and issue 18's verdicts. */
final class Findings {

  static final String CHART = "fanout-latency.png";
  private static final Usage NONE = new Usage(Double.NaN, Double.NaN, Double.NaN);

  private final Report report;
  private final List<LatencyChart.Line> chart = new ArrayList<>();
  private final List<FanoutRun> fanoutRuns = new ArrayList<>();
  private double staticCeiling = Double.NaN;

  Findings(Report report) {
    this.report = report;
  }

  /**
   * {@code ./gitter stores}, then {@code ./gitter run} given their URIs, on a new data directory;
   * {@code serverCpu} is what the server's JVM had spent when it was ready.
   */
  void coldStart(double storesSeconds, double instanceSeconds, ThreadCpu serverCpu) {
    double health = storesSeconds + instanceSeconds;
    Section section =
        new Section("6. Cold start", "coldstart", 1, "until", "seconds")
            .row("Redis and the MongoDB wire server answer (`./gitter stores`)", storesSeconds)
            .row("/health/ready UP (every WAR deployed), after the stores", instanceSeconds)
            .row("stores + instance (about what `./gitter run` alone takes)", health)
            .row("the server JVM's CPU until ready (all its threads)", serverCpu.total())
            .row(
                "of that, its JIT compiler threads (those alive when it was ready: at least)",
                serverCpu.compilerSeconds())
            .note(
                "A new, empty data directory, everything already built: `./gitter stores` starts"
                    + " Redis and the embedded MongoDB wire server, then `./gitter run`, given their"
                    + " URIs, starts Payara Micro with the three WARs. `./gitter run` alone takes"
                    + " the same steps one after the other; the bench keeps the stores apart so that"
                    + " it can restart the instance without them (section 7).");
    if (!Double.isNaN(serverCpu.total()) && instanceSeconds > 0) {
      int cores = Runtime.getRuntime().availableProcessors();
      double busy = serverCpu.total() / instanceSeconds;
      section.note(
          String.format(
              java.util.Locale.ROOT,
              "Until ready the server kept %.2f of the machine's %d cores busy on average (its CPU"
                  + " seconds over the instance's seconds, its readiness warm-ups included), %.0f"
                  + " %% of that CPU in its JIT compiler threads: %s",
              busy,
              cores,
              100 * serverCpu.compilerSeconds() / serverCpu.total(),
              busy >= 0.8 * cores
                  ? "the start is bound by the machine's speed."
                  : "the start waited for something other than the CPU for part of the time."));
    }
    report.section(section);
    report.verdict(Targets.coldStart("new data directory", health));
  }

  void fanout(List<FanoutRun> runs, int rate, int seconds) {
    Section table =
        new Section(
            "1–2. Fan-out latency: gitter-jakarta and Faye",
            "fanout",
            2,
            "system",
            "S",
            "messages",
            "deliveries expected",
            "received",
            "lost",
            "p50 ms",
            "p90 ms",
            "p99 ms",
            "max ms",
            "send ack p99 ms",
            "server CPU",
            "server peak RSS MiB",
            "Redis CPU",
            "Mongo CPU",
            "bench CPU",
            "sockets failed / dropped",
            "server GC pauses");
    for (FanoutRun run : runs) {
      Usage server = run.usage().getOrDefault("server", run.usage().getOrDefault("faye", NONE));
      table.row(
          run.system(),
          run.subscribers(),
          run.sent() + (run.sendFailed() > 0 ? " (+" + run.sendFailed() + " failed)" : ""),
          run.expected(),
          run.received(),
          run.lost(),
          run.millis(50),
          run.millis(90),
          run.millis(99),
          run.maxMillis(),
          run.ackLatency().getValueAtPercentile(99) / 1000.0,
          server.cpu(),
          server.rss(),
          usage(run.usage(), "redis").cpu(),
          usage(run.usage(), "mongo").cpu(),
          usage(run.usage(), "bench").cpu(),
          run.socketsFailed() + " / " + run.socketsLost(),
          run.serverPauses().summary());
      chart.add(new LatencyChart.Line(run.system() + " S=" + run.subscribers(), run.latency()));
    }
    table.note(
        String.format(
            "One room, S websocket subscribers (each a distinct member), one sender at %d messages/s for %d s"
                + " after a 3 s warm-up. Latency: the sender's System.nanoTime() in the text to the subscriber's receipt,"
                + " in the same JVM. CPU in %% of one core (200%% = both cores). \"server\" is Payara Micro for"
                + " gitter-jakarta and the Node process for Faye; Mongo is the embedded MongoDB wire server."
                + " Server GC pauses: the stop-the-world pauses of Payara's JVM (young, remark, cleanup, full)"
                + " that ended while the messages were sent and awaited, from its GC log; each stops every"
                + " delivery in flight.",
            rate, seconds));
    table.note(
        "gitter-jakarta's sender posts through `POST /api/v1/rooms/:id/chatMessages`: each message is"
            + " authenticated, rate-limited, rendered, written to MongoDB and counted unread for every member"
            + " before the event reaches Redis. Faye's sender publishes through Faye's server-side client (as"
            + " gitter.im's API servers did) with no persistence and no authentication: the ratio below compares"
            + " the whole path of each, as issues 7 and 18 ask, not equal work.");
    report.section(table);
    Section ratios =
        new Section(
            "Fan-out: gitter-jakarta / Faye",
            "fanout-ratio",
            1,
            "S",
            "p50 ratio",
            "p99 ratio",
            "max ratio");
    for (FanoutRun ours : runs) {
      if (ours.system().equals(FanoutBench.GITTER)) {
        find(runs, FanoutBench.FAYE, ours.subscribers())
            .ifPresent(
                faye ->
                    ratios.row(
                        ours.subscribers(),
                        ours.millis(50) / faye.millis(50),
                        ours.millis(99) / faye.millis(99),
                        ours.maxMillis() / faye.maxMillis()));
      }
    }
    report.section(ratios);
    fanoutRuns.addAll(runs);
    report.verdict(
        Targets.fanoutP99(
            100, 1, p99(runs, FanoutBench.GITTER, 100), p99(runs, FanoutBench.FAYE, 100)));
    report.verdict(
        Targets.fanoutP99(
            1000, 1.0 / 3, p99(runs, FanoutBench.GITTER, 1000), p99(runs, FanoutBench.FAYE, 1000)));
    Optional<FanoutRun> largest = find(runs, FanoutBench.GITTER, 5000);
    report.verdict(
        Targets.nothingLost(
            5000,
            largest.map(FanoutRun::lost).orElse(-1L),
            largest.map(FanoutRun::expected).orElse(0L),
            largest.map(FanoutRun::socketsFailed).orElse(0),
            largest.map(FanoutRun::sendFailed).orElse(0L)));
  }

  private static double p99(List<FanoutRun> runs, String system, int s) {
    return find(runs, system, s).map(r -> r.millis(99)).orElse(Double.NaN);
  }

  /**
   * A restart before a fresh fan-out: {@code kind} names what was restarted, {@code restartSeconds}
   * is until ready, {@code run} is null when the run failed.
   */
  record Fresh(String kind, double restartSeconds, FanoutRun run, double endedAfterReady) {

    /** Its name in the report's rows and verdicts. */
    String label() {
      return label(kind);
    }

    static String label(String kind) {
      return Settings.RESTART_EVERYTHING.equals(kind)
          ? "instance and its stores restarted"
          : "instance restarted, stores running";
    }

    /** What was stopped and started, and why that restart is measured. */
    String how() {
      return Settings.RESTART_EVERYTHING.equals(kind)
          ? "`./gitter run` and `./gitter stores` stopped (SIGTERM) and started again, as a new"
              + " user's `./gitter run` starts its embedded stores with the instance"
          : "`./gitter run` stopped (SIGTERM) and started again while `./gitter stores` kept"
              + " running, as a production instance restarts beside its MongoDB and Redis";
    }
  }

  /**
   * The fan-out runs right after each restart (no warm-up) next to the warm run at the same S from
   * the fan-out phase; call after {@link #fanout}.
   */
  void freshStart(
      List<Fresh> restarts,
      int earlySeconds,
      int rate,
      int seconds,
      int warmUpSeconds,
      int clientWarmUpSeconds) {
    Section table =
        new Section(
            "7. A freshly started instance",
            "fresh",
            1,
            "run",
            "S",
            "deliveries expected",
            "received",
            "min ms",
            "p50 ms",
            "p99 ms",
            "max ms",
            "× warm p99",
            "send ack p99 ms",
            "server CPU",
            "its JIT compiler threads",
            "its GC and VM threads");
    StringBuilder restarted = new StringBuilder();
    for (Fresh restart : restarts) {
      report.verdict(Targets.coldStart("restart: " + restart.label(), restart.restartSeconds()));
      restarted.append(
          String.format(
              " %s: %s; ready after %.1f s, its run (with the wait for late deliveries) ended"
                  + " %.0f s after ready.",
              restart.label(), restart.how(), restart.restartSeconds(), restart.endedAfterReady()));
      FanoutRun fresh = restart.run();
      double warm =
          fresh == null ? Double.NaN : p99(fanoutRuns, FanoutBench.GITTER, fresh.subscribers());
      if (fresh != null) {
        freshRows(table, restart.label(), fresh, warm, earlySeconds, seconds);
        chart.add(
            new LatencyChart.Line(
                fresh.system() + " (" + restart.kind() + ") S=" + fresh.subscribers(),
                fresh.latency()));
      }
      report.verdict(
          Targets.freshFanout(
              restart.label(),
              fresh == null ? 0 : fresh.subscribers(),
              fresh == null ? Double.NaN : fresh.millis(99),
              warm,
              warmUpSeconds));
    }
    for (String kind : List.of(Settings.RESTART_INSTANCE, Settings.RESTART_EVERYTHING)) {
      if (restarts.stream().noneMatch(restart -> restart.kind().equals(kind))) {
        report.verdict(Targets.freshNotRestarted(Fresh.label(kind)));
      }
    }
    restarts.stream()
        .map(Fresh::run)
        .filter(run -> run != null)
        .findFirst()
        .flatMap(run -> find(fanoutRuns, FanoutBench.GITTER, run.subscribers()))
        .ifPresent(
            w -> {
              table.row(
                  "warm (fan-out phase, after its warm-up)",
                  w.subscribers(),
                  w.expected(),
                  w.received(),
                  Latency.minMillis(w.latency()),
                  w.millis(50),
                  w.millis(99),
                  w.maxMillis(),
                  1.0,
                  w.ackLatency().getValueAtPercentile(99) / 1000.0,
                  usage(w.usage(), "server").cpu(),
                  percent(w.serverCpu().compilersPercent()),
                  percent(w.serverCpu().gcAndVmPercent()));
              earlyRow(table, "warm", w, w.millis(99), earlySeconds);
            });
    table.note(
        String.format(
            "After the accounts were seeded and the rooms' members joined, %sthe instance was"
                + " restarted on the same data directory before each row group.%s As soon as"
                + " `/health/ready` answered UP the S members of a room of"
                + " its own subscribed and one sender posted %d messages/s for %d s %s; the first"
                + " row of a group is that whole run, the second only the messages sent in its"
                + " first %d s, the next ones each of its first messages alone (their send ack is"
                + " that message's). With %d messages each carries %.1f %% of the deliveries, so"
                + " the run's p99 lies at the edge of its coldest messages'. The warm figure is the"
                + " fan-out phase's run at the same S; its first %d s are shown too. The server's"
                + " CPU is in %% of one core (200 %% = both cores busy), over the row's seconds"
                + " (the whole run's with its wait for late deliveries, or its first %d s), and"
                + " so are the parts of it that HotSpot's JIT compiler threads (C1, C2 and the"
                + " code sweeper) and its GC and VM threads spent, read per thread from /proc: a"
                + " fresh JVM compiles its hot code while it serves.",
            clientWarmUpSeconds > 0
                ? "the bench's own clients ran "
                    + clientWarmUpSeconds
                    + " s of such a fan-out in another room against the instance (so that the"
                    + " bench's JVM, not measured, is warm; the server is restarted after it), "
                : "",
            restarted,
            rate,
            seconds,
            warmUpSeconds > 0
                ? "after "
                    + warmUpSeconds
                    + " s of the same traffic, unmeasured (an experiment:"
                    + " how long a warm-up would need)"
                : "with no warm-up message",
            earlySeconds,
            rate * seconds,
            100.0 / Math.max(1, rate * seconds),
            earlySeconds,
            earlySeconds));
    report.section(table);
  }

  private static void freshRows(
      Section table, String label, FanoutRun fresh, double warm, int earlySeconds, int seconds) {
    table.row(
        String.format("%s: whole %d s", label, seconds),
        fresh.subscribers(),
        fresh.expected(),
        fresh.received(),
        Latency.minMillis(fresh.latency()),
        fresh.millis(50),
        fresh.millis(99),
        fresh.maxMillis(),
        fresh.millis(99) / warm,
        fresh.ackLatency().getValueAtPercentile(99) / 1000.0,
        usage(fresh.usage(), "server").cpu(),
        percent(fresh.serverCpu().compilersPercent()),
        percent(fresh.serverCpu().gcAndVmPercent()));
    earlyRow(table, label, fresh, warm, earlySeconds);
    for (int i = 0; i < fresh.firstMessages().size(); i++) {
      Histogram message = fresh.firstMessages().get(i);
      table.row(
          String.format("%s: its message %d alone", label, i + 1),
          fresh.subscribers(),
          "",
          message.getTotalCount(),
          Latency.minMillis(message),
          Latency.millis(message, 50),
          Latency.millis(message, 99),
          Latency.maxMillis(message),
          Latency.millis(message, 99) / warm,
          fresh.firstAcks().get(i) < 0 ? "" : fresh.firstAcks().get(i) / 1000.0,
          "",
          "",
          "");
    }
  }

  /** The messages of a run's first seconds, and the server's CPU in those seconds. */
  private static void earlyRow(
      Section table, String label, FanoutRun run, double warm, int earlySeconds) {
    table.row(
        String.format("%s: messages sent in the first %d s", label, earlySeconds),
        run.subscribers(),
        "",
        run.early().getTotalCount(),
        Latency.minMillis(run.early()),
        run.earlyMillis(50),
        run.earlyMillis(99),
        Latency.maxMillis(run.early()),
        run.earlyMillis(99) / warm,
        "",
        percent(run.earlyServerCpu().totalPercent()),
        percent(run.earlyServerCpu().compilersPercent()),
        percent(run.earlyServerCpu().gcAndVmPercent()));
  }

  /** CPU in % of one core (200 = both cores busy), as {@link Usage#cpu} shows it. */
  private static String percent(double value) {
    return Double.isNaN(value) ? "n/a" : String.format("%.0f%%", value);
  }

  void ceiling(Map<String, ClosedLoop.Result> results, int clients) {
    Section table = loadTable("Ceiling: what the container answers", "ceiling", "request");
    var file = results.get(CeilingBench.STATIC);
    staticCeiling = file == null || file.ok() == 0 ? Double.NaN : file.perSecond();
    results.forEach((kind, r) -> loadRow(table, kind, r));
    table.note(
        String.format(
            "By the bench's own HTTP client with %d concurrent clients (as the history reads), 3 s warm-up:"
                + " `%s` of the web WAR (a static file: no application code), `/health/live` and an"
                + " authenticated `GET /api/v1/user`. Every throughput of this report is also given as a"
                + " fraction of the static file's rate (\"× static\"): on a noisy machine a ratio holds where an"
                + " absolute number does not.",
            clients, CeilingBench.CSS));
    report.section(table);
  }

  void writeChart(Path dir) {
    LatencyChart.write(dir.resolve(CHART), chart);
  }

  void throughput(Map<Integer, ClosedLoop.Result> results) {
    Section table = loadTable("3. Send throughput", "throughput", "C");
    results.forEach((c, r) -> loadRow(table, c, r));
    table.note(
        "C members of one room post as fast as they are answered (closed loop, 3 s warm-up); an answer"
            + " means the message is stored (acknowledged write) and its event published.");
    report.section(table);
    report.verdict(Targets.sendsAt64(perSecond(results.get(64))));
    report.verdict(Targets.sendsNotFalling(perSecond(results.get(16)), perSecond(results.get(64))));
  }

  private static double perSecond(ClosedLoop.Result result) {
    return result == null ? Double.NaN : result.perSecond();
  }

  void history(HistoryBench.Seeding seeding, int clients, Map<String, ClosedLoop.Result> results) {
    Section table = loadTable("4. History reads", "history", "query");
    results.forEach((kind, r) -> loadRow(table, kind, r));
    table.note(
        String.format(
            "`GET /api/v1/rooms/:id/chatMessages?limit=50` by %d concurrent readers on a room of"
                + " %,d messages; `beforeId` is a random message past the first page. The room was filled through the"
                + " API by 64 concurrent senders (%.0f msgs/s).",
            clients, seeding.messages(), seeding.perSecond()));
    report.section(table);
    results.forEach(
        (kind, r) -> report.verdict(Targets.historyPages(kind, r.perSecond(), seeding.messages())));
  }

  void connections(ConnectionsBench.Result result) {
    List<ConnectionsBench.Step> steps = result.steps();
    ConnectionsBench.Limits limits = result.limits();
    Section table =
        new Section(
            "5. Idle connections",
            "connections",
            1,
            "clients",
            "subscribed",
            "failed",
            "held after 10 s",
            "open time s",
            "server Java MiB",
            "Java KiB per connection",
            "server RSS MiB",
            "RSS KiB per connection",
            "server open files",
            "bench open files");
    steps.forEach(
        s ->
            table.row(
                s.target(),
                s.opened(),
                s.failed(),
                s.held(),
                s.openSeconds(),
                s.javaMiB(),
                s.kibPerConnection(),
                s.rssMiB(),
                s.rssKibPerConnection(),
                s.serverFiles(),
                s.benchFiles()));
    steps.stream()
        .map(ConnectionsBench.Step::firstFailure)
        .filter(f -> !f.isEmpty())
        .findFirst()
        .ifPresent(f -> table.note("First failure: " + f));
    table.note(
        "Bayeux websocket clients handshaken with a member's token and subscribed to a room, added up"
            + " to each count and held 10 s. Before the first client and at each count the server's Java"
            + " memory is read through its management beans (Attach API): the heap in use right after a full"
            + " GC plus its direct and mapped buffers; its growth over the baseline, divided by the clients"
            + " held, is the memory per connection that the target judges. The resident set (RSS, after"
            + " `jcmd <pid> GC.run`) is shown too, but it moves with the collector's choice to keep or hand"
            + " back heap, so its per-connection figure swings between runs. Kernel socket buffers are in"
            + " neither. A count stops being tried after 200 failures.");
    table.note(
        String.format(
            "Limits: open files %,d for the server (it inherits the bench's limit and keeps %,d of it for its"
                + " stores' connections, refusing new websockets with 503 beyond: `gitter.ws.file-reserve`;"
                + " %,d already open before the first client, which leaves room for %,d sockets) and %,d for"
                + " the bench (%,d open before, room for %,d); ephemeral ports %s"
                + " (every client socket comes from 127.0.0.1 to the one server port, so each needs a port of"
                + " this range).",
            limits.serverFilesLimit(),
            limits.serverFilesReserve(),
            limits.serverFilesBefore(),
            limits.serverRoom(),
            limits.benchFilesLimit(),
            limits.benchFilesBefore(),
            limits.benchRoom(),
            limits.ephemeralPorts()));
    report.section(table);
    report.verdict(
        steps.stream()
            .filter(s -> s.target() == Targets.MEMORY_SOCKETS)
            .findFirst()
            .map(s -> Targets.kibPerSocket(s.kibPerConnection(), s.held()))
            .orElse(Targets.kibPerSocket(Double.NaN, 0)));
    var largest = steps.isEmpty() ? null : steps.get(steps.size() - 1);
    String why =
        largest != null
                && largest.held() < largest.target()
                && limits.serverRoom() >= 0
                && Math.min(limits.serverRoom(), limits.benchRoom()) < largest.target()
            ? String.format(
                " (open-files limit %,d: room for %,d sockets in the server, %,d in the bench)",
                limits.serverFilesLimit(), limits.serverRoom(), limits.benchRoom())
            : "";
    report.verdict(
        largest == null
            ? new Verdict("20,000 sockets held by one instance", "not run", null)
            : Targets.socketsHeld(largest.target(), largest.held(), why));
  }

  private static Section loadTable(String title, String measurement, String key) {
    return new Section(
        title,
        measurement,
        1,
        key,
        "per second",
        "× static",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "max ms",
        "failed",
        "server CPU",
        "server peak RSS MiB",
        "Redis CPU",
        "Mongo CPU",
        "Mongo peak RSS MiB",
        "bench CPU");
  }

  private void loadRow(Section table, Object key, ClosedLoop.Result r) {
    table.row(
        key,
        r.perSecond(),
        Targets.ofCeiling(r.perSecond(), staticCeiling),
        r.millis(50),
        r.millis(90),
        r.millis(99),
        r.maxMillis(),
        r.failed(),
        usage(r.usage(), "server").cpu(),
        usage(r.usage(), "server").rss(),
        usage(r.usage(), "redis").cpu(),
        usage(r.usage(), "mongo").cpu(),
        // the wire server keeps its indexes and a page cache in its heap (ServerOptions)
        usage(r.usage(), "mongo").rss(),
        usage(r.usage(), "bench").cpu());
  }

  private static Usage usage(Map<String, Usage> usage, String name) {
    return usage.getOrDefault(name, NONE);
  }

  private static Optional<FanoutRun> find(List<FanoutRun> runs, String system, int s) {
    return runs.stream().filter(r -> r.system().equals(system) && r.subscribers() == s).findFirst();
  }
}
