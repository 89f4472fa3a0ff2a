package org.gitterjakarta.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gitterjakarta.bench.connections.ConnectionsBench;
import org.gitterjakarta.bench.fanout.FanoutBench;
import org.gitterjakarta.bench.fanout.FanoutRun;
import org.gitterjakarta.bench.history.HistoryBench;
import org.gitterjakarta.bench.probe.Usage;
import org.gitterjakarta.bench.report.LatencyChart;
import org.gitterjakarta.bench.report.Report;
import org.gitterjakarta.bench.report.Section;
import org.gitterjakarta.bench.report.Verdict;
import org.gitterjakarta.bench.throughput.ClosedLoop;
import org.gitterjakarta.testsupport.launcher.GitterRun;

/** Turns each measurement's results into the report's tables and issue 7's verdicts. */
final class Findings {

  static final String CHART = "fanout-latency.png";
  private static final Usage NONE = new Usage(Double.NaN, Double.NaN, Double.NaN);

  private final Report report;
  private final List<LatencyChart.Line> chart = new ArrayList<>();

  Findings(Report report) {
    this.report = report;
  }

  void coldStart(GitterRun gitter) {
    double health = gitter.startup().toMillis() / 1000.0;
    report.section(
        new Section("6. Cold start", "coldstart", 1, "until", "seconds")
            .row("/health/ready UP (every WAR deployed)", health)
            .note(
                "`./gitter run` (already built) with a new, empty data directory: it starts Redis, the"
                    + " embedded MongoDB wire server and Payara Micro with the three WARs."));
    report.verdict(new Verdict("cold start ≤ 30 s", String.format("%.1f s", health), health <= 30));
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
            "sockets failed / dropped");
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
          run.socketsFailed() + " / " + run.socketsLost());
      chart.add(new LatencyChart.Line(run.system() + " S=" + run.subscribers(), run.latency()));
    }
    table.note(
        String.format(
            "One room, S websocket subscribers (each a distinct member), one sender at %d messages/s for %d s"
                + " after a 3 s warm-up. Latency: the sender's System.nanoTime() in the text to the subscriber's receipt,"
                + " in the same JVM. CPU in %% of one core (200%% = both cores). \"server\" is Payara Micro for"
                + " gitter-jakarta and the Node process for Faye; Mongo is the embedded MongoDB wire server.",
            rate, seconds));
    table.note(
        "gitter-jakarta's sender posts through `POST /api/v1/rooms/:id/chatMessages`: each message is"
            + " authenticated, rate-limited, rendered, written to MongoDB and counted unread for every member"
            + " before the event reaches Redis. Faye's sender publishes through Faye's server-side client (as"
            + " gitter.im's API servers did) with no persistence and no authentication: the ratio below compares"
            + " the whole path of each, as issue 7 asks, not equal work.");
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
    Optional<FanoutRun> ours = find(runs, FanoutBench.GITTER, 1000);
    Optional<FanoutRun> faye = find(runs, FanoutBench.FAYE, 1000);
    if (ours.isPresent() && faye.isPresent()) {
      double ratio = ours.get().millis(99) / faye.get().millis(99);
      report.verdict(
          new Verdict(
              "fan-out p99 at S=1,000 ≤ 1/3 of Faye's",
              String.format(
                  "%.1f ms vs %.1f ms (ratio %.2f)",
                  ours.get().millis(99), faye.get().millis(99), ratio),
              ratio <= 1.0 / 3));
      report.verdict(
          new Verdict(
              "no lost deliveries (S=1,000)", ours.get().lost() + " lost", ours.get().lost() == 0));
    } else {
      report.verdict(
          new Verdict("fan-out p99 at S=1,000 ≤ 1/3 of Faye's", "S=1,000 not run", null));
      long lost =
          runs.stream()
              .filter(r -> r.system().equals(FanoutBench.GITTER))
              .mapToLong(FanoutRun::lost)
              .sum();
      report.verdict(
          new Verdict(
              "no lost deliveries (S=1,000)",
              "S=1,000 not run; " + lost + " lost at the sizes run",
              null));
    }
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
    var c64 = results.get(64);
    report.verdict(
        c64 == null
            ? new Verdict("≥ 2,000 persisted msgs/s at C=64", "C=64 not run", null)
            : new Verdict(
                "≥ 2,000 persisted msgs/s at C=64",
                String.format("%.0f msgs/s", c64.perSecond()),
                c64.perSecond() >= 2000));
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
    double worst =
        results.values().stream()
            .mapToDouble(ClosedLoop.Result::perSecond)
            .min()
            .orElse(Double.NaN);
    String measured =
        String.format(
            "%.0f req/s (slower of latest and beforeId) on %,d messages",
            worst, seeding.messages());
    report.verdict(
        new Verdict(
            "history ≥ 5,000 req/s",
            measured,
            seeding.messages() >= 100_000 ? worst >= 5000 : null));
  }

  void connections(List<ConnectionsBench.Step> steps) {
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
            "server RSS MiB",
            "RSS delta MiB",
            "KiB per connection");
    steps.forEach(
        s ->
            table.row(
                s.target(),
                s.opened(),
                s.failed(),
                s.held(),
                s.openSeconds(),
                s.rssMiB(),
                s.deltaMiB(),
                s.kibPerConnection()));
    steps.stream()
        .map(ConnectionsBench.Step::firstFailure)
        .filter(f -> !f.isEmpty())
        .findFirst()
        .ifPresent(f -> table.note("First failure: " + f));
    table.note(
        "Bayeux websocket clients handshaken with a member's token and subscribed to a room, added up"
            + " to each count and held 10 s. RSS is read after a full GC (`jcmd <pid> GC.run`), before the first"
            + " client and at each count; the delta over that baseline, divided by the clients held, is the memory"
            + " per connection (Java heap growth only shows once the heap grows).");
    report.section(table);
    var largest = steps.isEmpty() ? null : steps.get(steps.size() - 1);
    boolean tenThousand = largest != null && largest.target() >= 10_000;
    report.verdict(
        new Verdict(
            "≤ 20 KiB RSS per idle websocket",
            largest == null
                ? "not run"
                : String.format("%.1f KiB at %,d", largest.kibPerConnection(), largest.target()),
            tenThousand ? largest.kibPerConnection() <= 20 : null));
    report.verdict(
        new Verdict(
            "10,000 sockets on one instance",
            largest == null
                ? "not run"
                : String.format("%,d held of %,d", largest.held(), largest.target()),
            tenThousand ? largest.held() >= 10_000 : null));
  }

  private static Section loadTable(String title, String measurement, String key) {
    return new Section(
        title,
        measurement,
        1,
        key,
        "per second",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "max ms",
        "failed",
        "server CPU",
        "server peak RSS MiB",
        "Redis CPU",
        "Mongo CPU",
        "bench CPU");
  }

  private static void loadRow(Section table, Object key, ClosedLoop.Result r) {
    table.row(
        key,
        r.perSecond(),
        r.millis(50),
        r.millis(90),
        r.millis(99),
        r.maxMillis(),
        r.failed(),
        usage(r.usage(), "server").cpu(),
        usage(r.usage(), "server").rss(),
        usage(r.usage(), "redis").cpu(),
        usage(r.usage(), "mongo").cpu(),
        usage(r.usage(), "bench").cpu());
  }

  private static Usage usage(Map<String, Usage> usage, String name) {
    return usage.getOrDefault(name, NONE);
  }

  private static Optional<FanoutRun> find(List<FanoutRun> runs, String system, int s) {
    return runs.stream().filter(r -> r.system().equals(system) && r.subscribers() == s).findFirst();
  }
}
