package org.gitterjakarta.bench.fanout;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.gitterjakarta.bench.Latency;
import org.gitterjakarta.bench.bayeux.Deliveries;
import org.gitterjakarta.bench.bayeux.Fleet;
import org.gitterjakarta.bench.probe.CpuWindow;
import org.gitterjakarta.bench.probe.GcLog;
import org.gitterjakarta.bench.probe.ProcessProbe;
import org.gitterjakarta.bench.probe.ThreadCpu;
import org.gitterjakarta.bench.probe.Usage;
import org.gitterjakarta.bench.probe.UsageSampler;
import org.gitterjakarta.bench.setup.Account;
import org.gitterjakarta.bench.setup.FayeServer;
import org.gitterjakarta.bench.setup.GitterApi;
import org.gitterjakarta.bench.setup.GitterProcesses;
import org.gitterjakarta.testsupport.Pause;
import org.gitterjakarta.testsupport.launcher.GitterRun;

/**
 * Fan-out latency: one room, S websocket subscribers, one sender at a fixed rate; for each S first
 * gitter-jakarta (sender posts through the REST API) then Faye + faye-redis (sender publishes
 * through Faye), with the same subscriber client, Redis and machine.
 */
public final class FanoutBench {

  public static final String GITTER = "gitter-jakarta";
  public static final String FAYE = "faye";
  public static final String FRESH = "gitter-jakarta fresh";
  static final int WARM_UP_SECONDS = 3;

  /**
   * The first seconds of a Gitter run, kept apart: a fresh instance's are the ones its JIT and
   * caches are cold in, and a warm run's are what they are compared with.
   */
  public static final int FIRST_SECONDS = 4;

  private final GitterRun gitter;
  private final GcLog serverGc;
  private final FayeServer faye;
  private final GitterApi api;
  private final List<Account> accounts;
  private final List<ProcessProbe> common;
  private final int rate;
  private final int seconds;
  private final int graceSeconds;
  private String fayeTemplate;

  public FanoutBench(
      GitterRun gitter,
      GcLog serverGc,
      FayeServer faye,
      GitterApi api,
      List<Account> accounts,
      List<ProcessProbe> common,
      int rate,
      int seconds,
      int graceSeconds) {
    this.gitter = gitter;
    this.serverGc = serverGc;
    this.faye = faye;
    this.api = api;
    this.accounts = accounts;
    this.common = common;
    this.rate = rate;
    this.seconds = seconds;
    this.graceSeconds = graceSeconds;
  }

  public List<FanoutRun> run(List<Integer> sizes) {
    List<FanoutRun> runs = new ArrayList<>();
    for (int s : sizes) {
      runs.add(gitterRun(s));
      runs.add(fayeRun(s));
    }
    return runs;
  }

  /**
   * A room whose S members have joined, made before a restart so that the fresh instance's first
   * minute holds only what a new user's traffic brings: subscribing and messages.
   */
  public String prepareRoom(int s) {
    String room = api.createRoom(accounts.get(0).token());
    api.joinAll(room, accounts.subList(1, s + 1));
    return room;
  }

  /**
   * This bench's own side of an S-member fan-out, run against the instance about to be restarted
   * and not measured: the subscribers' receiving code and the sender's HTTP client are compiled by
   * the bench's JVM before the fresh instance is measured, so the fresh run shows the server's
   * coldness and not the bench's (1,000 real clients are 1,000 warm processes). In a room of its
   * own, so that the measured room's history (each subscriber's snapshot) stays as it was.
   */
  public void exerciseClients(int s, int exerciseSeconds) {
    exerciseClients(prepareRoom(s), s, exerciseSeconds);
  }

  /** The same in a room made beforehand ({@link #prepareRoom}). */
  public void exerciseClients(String room, int s, int exerciseSeconds) {
    try (Fleet fleet = new Fleet(gitter.bayeux(), "/api/v1/rooms/" + room + "/chatMessages")) {
      fleet.open(s, accounts.subList(1, s + 1).stream().map(Account::token).toList());
      System.out.printf(
          "[bench] client warm-up: %d subscribed, %d failed %s%n",
          fleet.held(), fleet.failed(), fleet.firstFailure());
      Pacer.send(sender(room), rate, exerciseSeconds, n -> Deliveries.text(n, System.nanoTime()));
      Pause.sleep(1000);
    }
  }

  /**
   * A freshly started server's first seconds: S subscribers of the prepared room, then {@code
   * seconds} of sends, measured from the first message unless {@code warmUpSeconds} of the same
   * traffic go first (to learn how long a warm-up would need); the latencies of messages sent in
   * the first {@code earlySeconds} are also kept apart.
   */
  public FanoutRun fresh(String room, int s, int earlySeconds, int warmUpSeconds) {
    return measure(
        FRESH,
        s,
        gitter.bayeux(),
        "/api/v1/rooms/" + room + "/chatMessages",
        accounts.subList(1, s + 1),
        sender(room),
        GitterProcesses.server(gitter),
        common,
        serverGc,
        warmUpSeconds,
        earlySeconds);
  }

  private Function<String, CompletableFuture<HttpResponse<String>>> sender(String room) {
    String token = accounts.get(0).token();
    return text ->
        api.http()
            .sendAsync(api.sendRequest(room, token, text), HttpResponse.BodyHandlers.ofString());
  }

  private FanoutRun gitterRun(int s) {
    Account sender = accounts.get(0);
    List<Account> members = accounts.subList(1, s + 1);
    String room = prepareRoom(s);
    String channel = "/api/v1/rooms/" + room + "/chatMessages";
    URI endpoint = gitter.bayeux();
    Function<String, CompletableFuture<HttpResponse<String>>> send = sender(room);
    // Faye gets the same payload: a Gitter create event with this room's real message model
    JsonObject model = api.send(room, sender.token(), "FAYE_TEXT");
    fayeTemplate =
        Json.createObjectBuilder()
            .add("channel", channel)
            .add("data", Json.createObjectBuilder().add("operation", "create").add("model", model))
            .build()
            .toString();
    return measure(
        GITTER,
        s,
        endpoint,
        channel,
        members,
        send,
        GitterProcesses.server(gitter),
        common,
        serverGc,
        WARM_UP_SECONDS,
        FIRST_SECONDS);
  }

  private FanoutRun fayeRun(int s) {
    List<Account> members = accounts.subList(1, s + 1);
    String channel = fayeTemplate.replaceFirst("^\\{\"channel\":\"([^\"]+)\".*", "$1");
    HttpClient http = api.http();
    Function<String, CompletableFuture<HttpResponse<String>>> send =
        text ->
            http.sendAsync(
                HttpRequest.newBuilder(faye.publish())
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            fayeTemplate.replace("FAYE_TEXT", text)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return measure(
        FAYE,
        s,
        faye.websocket(),
        channel,
        members,
        send,
        faye.probe(),
        withRedis(faye.redisProbe()),
        null,
        WARM_UP_SECONDS,
        FIRST_SECONDS); // as for Gitter's warm run: the same bookkeeping on the bench's side
  }

  private static void printFailures(String phase, Pacer.Sent sent) {
    if (sent.firstFailure() != null) {
      System.out.printf(
          "[bench]   %s%d sends failed; the first: %s%n",
          phase, sent.failed(), sent.firstFailure());
    }
  }

  /** The common probes with Faye's own Redis in place of Gitter's. */
  private List<ProcessProbe> withRedis(ProcessProbe redis) {
    return common.stream().map(p -> p.name().equals(redis.name()) ? redis : p).toList();
  }

  private FanoutRun measure(
      String system,
      int s,
      URI endpoint,
      String channel,
      List<Account> members,
      Function<String, CompletableFuture<HttpResponse<String>>> send,
      ProcessProbe server,
      List<ProcessProbe> others,
      GcLog gc,
      int warmUpSeconds,
      int earlySeconds) {
    try (Fleet fleet = new Fleet(endpoint, channel)) {
      fleet.open(s, members.stream().map(Account::token).toList());
      System.out.printf(
          "[bench] fan-out %s S=%d: %d subscribed, %d failed %s%n",
          system, s, fleet.held(), fleet.failed(), fleet.firstFailure());
      if (warmUpSeconds > 0) {
        printFailures("warm-up: ", Pacer.send(send, rate, warmUpSeconds, n -> "warm " + n));
        Pause.sleep(1000);
      }
      Deliveries deliveries = fleet.deliveries();
      deliveries.reset();
      deliveries.earlyUntil(System.nanoTime() + earlySeconds * 1_000_000_000L);
      int subscribers = fleet.held();
      List<ProcessProbe> probes = new ArrayList<>(List.of(server));
      probes.addAll(others);
      UsageSampler sampler = new UsageSampler(probes);
      ThreadCpu cpuAtStart = ThreadCpu.of(server.pid());
      long startNanos = System.nanoTime();
      CompletableFuture<CpuWindow> firstCpu =
          earlySeconds > 0
              ? CompletableFuture.supplyAsync(
                  () -> CpuWindow.since(server.pid(), cpuAtStart, startNanos),
                  CompletableFuture.delayedExecutor(earlySeconds, TimeUnit.SECONDS))
              : CompletableFuture.completedFuture(CpuWindow.UNKNOWN);
      long from = System.currentTimeMillis();
      Pacer.Sent sent = Pacer.send(send, rate, seconds, n -> Deliveries.text(n, System.nanoTime()));
      long expected = sent.ok() * subscribers;
      long graceEnd = System.nanoTime() + graceSeconds * 1_000_000_000L;
      while (deliveries.received() < expected && System.nanoTime() < graceEnd) {
        Pause.sleep(50);
      }
      Map<String, Usage> usage = sampler.stop();
      CpuWindow wholeCpu = CpuWindow.since(server.pid(), cpuAtStart, startNanos);
      firstCpu.cancel(false); // a run shorter than its first seconds has no such window
      CpuWindow earlyCpu =
          firstCpu.isDone() && !firstCpu.isCompletedExceptionally()
              ? firstCpu.join()
              : CpuWindow.UNKNOWN;
      GcLog.Pauses pauses =
          gc == null ? GcLog.Pauses.UNKNOWN : gc.between(from, System.currentTimeMillis());
      var run =
          new FanoutRun(
              system,
              s,
              fleet.failed(),
              sent.ok(),
              sent.failed(),
              expected,
              deliveries.received(),
              fleet.lost(),
              deliveries.latencies(),
              deliveries.earlyLatencies(),
              deliveries.firstMessages(),
              sent.firstAcks(),
              sent.ackLatency(),
              usage,
              wholeCpu,
              earlyCpu,
              pauses);
      System.out.printf(
          "[bench] fan-out %s S=%d: %d messages, %d/%d deliveries, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          system,
          s,
          run.sent(),
          run.received(),
          run.expected(),
          run.millis(50),
          run.millis(99),
          run.maxMillis());
      printFailures("", sent);
      if (!system.equals(FAYE) && !Double.isNaN(earlyCpu.seconds())) {
        System.out.printf(
            "[bench]   server CPU in its first %d s, in %% of a core: %.0f, its JIT compiler"
                + " threads %.0f, its GC and VM threads %.0f (whole run: %.0f, %.0f, %.0f)%n",
            earlySeconds,
            earlyCpu.totalPercent(),
            earlyCpu.compilersPercent(),
            earlyCpu.gcAndVmPercent(),
            wholeCpu.totalPercent(),
            wholeCpu.compilersPercent(),
            wholeCpu.gcAndVmPercent());
        // which of the application's pools, when the rest is high (2026-12-06-6's restart)
        System.out.printf(
            "[bench]   its busiest other threads in its first %d s: %s; whole run: %s%n",
            earlySeconds,
            String.join(", ", earlyCpu.spent().busiestOthers(4)),
            String.join(", ", wholeCpu.spent().busiestOthers(4)));
      }
      for (int i = 0; i < run.firstMessages().size(); i++) {
        Histogram message = run.firstMessages().get(i);
        System.out.printf(
            "[bench]   its message %d: %d deliveries, min %.1f ms, p50 %.1f ms, max %.1f ms,"
                + " send acknowledged after %.1f ms%n",
            i + 1,
            message.getTotalCount(),
            Latency.minMillis(message),
            Latency.millis(message, 50),
            Latency.maxMillis(message),
            run.firstAcks().get(i) / 1000.0);
      }
      return run;
    }
  }
}
