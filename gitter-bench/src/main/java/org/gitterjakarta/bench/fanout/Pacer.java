package org.gitterjakarta.bench.fanout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
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
   * (the first {@link Deliveries#FIRST_MESSAGES}, -1 for one not answered).
   */
  record Sent(long ok, long failed, Histogram ackLatency, List<Long> firstAcks) {}

  private Pacer() {}

  /** Sends for {@code seconds}; {@code text} makes message n's text at the moment it is sent. */
  static Sent send(
      Function<String, CompletableFuture<Boolean>> sender,
      int rate,
      int seconds,
      LongFunction<String> text) {
    ScheduledExecutorService clock =
        Executors.newSingleThreadScheduledExecutor(GitterApi.daemon("pacer"));
    Recorder acks = new Recorder(3);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
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
          CompletableFuture<Boolean> attempt;
          try {
            attempt = sender.apply(text.apply(n));
          } catch (RuntimeException e) {
            // a task that throws would silently end the schedule, and this run with it
            System.err.println("[bench] send " + n + " failed at once: " + e);
            attempt = CompletableFuture.completedFuture(false);
          }
          var sending =
              attempt.handle(
                  (success, error) -> {
                    long micros = (System.nanoTime() - start) / 1000;
                    acks.recordValue(micros);
                    if (n < Deliveries.FIRST_MESSAGES) {
                      firstAcks.set((int) n, micros);
                    }
                    (Boolean.TRUE.equals(success) ? ok : failed).incrementAndGet();
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
    return new Sent(ok.get(), failed.get(), acks.getIntervalHistogram(), first);
  }
}
