package org.gitterjakarta.bench.fanout;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.gitterjakarta.bench.bayeux.Deliveries;
import org.gitterjakarta.bench.setup.GitterApi;
import org.gitterjakarta.testsupport.Pause;

/**
 * The sender: one message every 1/rate seconds whatever the server does (open loop, so a slow
 * server shows as latency, not as fewer messages), each sent asynchronously.
 */
final class Pacer {

  /**
   * What was sent: {@code firstAcks} holds the acknowledgement times (µs) of messages 0, 1, ...
   * (the first {@link Deliveries#FIRST_MESSAGES}, -1 for one not answered); {@code firstFailure}
   * says what the first failed send got (null when none failed).
   */
  record Sent(
      long ok, long failed, Histogram ackLatency, List<Long> firstAcks, String firstFailure) {}

  private Pacer() {}

  /**
   * Sends for {@code seconds}; {@code text} makes message n's text at the moment it is sent. A send
   * succeeded when it was answered 200.
   */
  static Sent send(
      Function<String, CompletableFuture<HttpResponse<String>>> sender,
      int rate,
      int seconds,
      LongFunction<String> text) {
    ScheduledExecutorService clock =
        Executors.newSingleThreadScheduledExecutor(GitterApi.daemon("pacer"));
    Recorder acks = new Recorder(3);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    // the failure of the lowest-numbered message, whichever answer came first
    AtomicReference<Failure> firstFailure = new AtomicReference<>();
    AtomicLong seq = new AtomicLong();
    AtomicLongArray firstAcks = new AtomicLongArray(Deliveries.FIRST_MESSAGES);
    for (int i = 0; i < firstAcks.length(); i++) {
      firstAcks.set(i, -1);
    }
    List<CompletableFuture<?>> pending = new ArrayList<>();
    long total = (long) rate * seconds;
    clock.scheduleAtFixedRate(
        () -> {
          long n = seq.getAndIncrement();
          if (n >= total) {
            return;
          }
          long start = System.nanoTime();
          CompletableFuture<HttpResponse<String>> attempt;
          try {
            attempt = sender.apply(text.apply(n));
          } catch (RuntimeException e) {
            // a task that throws would silently end the schedule, and this run with it
            attempt = CompletableFuture.failedFuture(e);
          }
          var sending =
              attempt.handle(
                  (response, error) -> {
                    long micros = (System.nanoTime() - start) / 1000;
                    acks.recordValue(micros);
                    if (n < Deliveries.FIRST_MESSAGES) {
                      firstAcks.set((int) n, micros);
                    }
                    String failure = failure(response, error, micros);
                    if (failure == null) {
                      ok.incrementAndGet();
                    } else {
                      failed.incrementAndGet();
                      firstFailure.accumulateAndGet(
                          new Failure(n, failure),
                          (kept, next) -> kept == null || next.n() < kept.n() ? next : kept);
                    }
                    return null;
                  });
          synchronized (pending) {
            pending.add(sending);
          }
        },
        0,
        1_000_000_000L / rate,
        TimeUnit.NANOSECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(total / rate + 60);
    while (seq.get() < total && System.nanoTime() < deadline) {
      Pause.sleep(20);
    }
    clock.shutdown();
    synchronized (pending) {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
          .orTimeout(60, TimeUnit.SECONDS)
          .exceptionally(e -> null)
          .join();
    }
    List<Long> first = new ArrayList<>();
    for (int i = 0; i < firstAcks.length(); i++) {
      first.add(firstAcks.get(i));
    }
    Failure failure = firstFailure.get();
    return new Sent(
        ok.get(),
        failed.get(),
        acks.getIntervalHistogram(),
        first,
        failure == null ? null : "message " + failure.n() + ": " + failure.what());
  }

  private record Failure(long n, String what) {}

  /** Why a send failed (its status and the start of its body, or the error), null for a 200. */
  static String failure(HttpResponse<String> response, Throwable error, long micros) {
    String after = " after " + micros / 1000 + " ms";
    if (error != null) {
      Throwable cause =
          (error instanceof CompletionException || error instanceof ExecutionException)
                  && error.getCause() != null
              ? error.getCause()
              : error;
      return cause + after;
    }
    if (response.statusCode() == 200) {
      return null;
    }
    String body = response.body() == null ? "" : response.body();
    return "HTTP "
        + response.statusCode()
        + after
        + ": "
        + (body.length() > 200 ? body.substring(0, 200) + "..." : body);
  }
}
