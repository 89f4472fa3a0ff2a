package org.gitterjakarta.bench.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.gitterjakarta.bench.probe.ProcessProbe;
import org.gitterjakarta.bench.setup.Account;
import org.gitterjakarta.bench.setup.GitterApi;
import org.gitterjakarta.bench.throughput.ClosedLoop;

/**
 * History reads: a room filled with N messages through the API (64 senders), then {@code GET
 * .../chatMessages?limit=50} for the latest page and for {@code beforeId} pages at random depths.
 */
public final class HistoryBench {

  public static final String LATEST = "latest page";
  public static final String BEFORE_ID = "beforeId pages";

  /** How the room was filled: messages and messages per second. */
  public record Seeding(int messages, double perSecond) {}

  private final GitterApi api;
  private final Account reader;
  private String room;
  private String[] ids;

  public HistoryBench(GitterApi api, Account owner) {
    this.api = api;
    this.reader = owner;
  }

  public Seeding seed(int messages) {
    room = api.createRoom(reader.token());
    ids = new String[messages];
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    Thread[] senders = new Thread[64];
    for (int t = 0; t < senders.length; t++) {
      senders[t] =
          new Thread(
              () -> {
                for (int n = next.getAndIncrement(); n < messages; n = next.getAndIncrement()) {
                  ids[n] = sendWithRetry(n);
                }
              });
      senders[t].start();
    }
    for (Thread sender : senders) {
      try {
        sender.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("[bench] history room filled: %d messages in %.0f s%n", messages, seconds);
    return new Seeding(messages, messages / seconds);
  }

  private String sendWithRetry(int n) {
    for (int attempt = 1; ; attempt++) {
      try {
        return api.send(room, reader.token(), "history " + n).getString("id");
      } catch (RuntimeException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  public Map<String, ClosedLoop.Result> read(int clients, int seconds, List<ProcessProbe> probes) {
    Map<String, ClosedLoop.Result> results = new LinkedHashMap<>();
    results.put(
        LATEST,
        ClosedLoop.run(
            api, clients, 3, seconds, c -> api.historyRequest(room, reader.token(), null), probes));
    // beforeId anywhere past the first page, so every page is full
    results.put(
        BEFORE_ID,
        ClosedLoop.run(
            api,
            clients,
            3,
            seconds,
            c ->
                api.historyRequest(
                    room,
                    reader.token(),
                    ids[
                        ThreadLocalRandom.current()
                            .nextInt(Math.min(50, ids.length - 1), ids.length)]),
            probes));
    results.forEach(
        (kind, r) ->
            System.out.printf(
                "[bench] history %s: %.0f req/s, p99 %.1f ms, %d failed%n",
                kind, r.perSecond(), r.millis(99), r.failed()));
    return results;
  }
}
