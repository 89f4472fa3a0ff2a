package org.gitterjakarta.bench.throughput;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.gitterjakarta.bench.Latency;
import org.gitterjakarta.bench.probe.ProcessProbe;
import org.gitterjakarta.bench.probe.Usage;
import org.gitterjakarta.bench.probe.UsageSampler;
import org.gitterjakarta.bench.setup.GitterApi;

/**
 * C clients, each sending its next request as soon as the previous one is answered, for a warm-up
 * and then a measured window; only answers completed inside the window count.
 */
public final class ClosedLoop {

  public record Result(
      long ok, long failed, double seconds, Histogram latency, Map<String, Usage> usage) {

    public double perSecond() {
      return ok / seconds;
    }

    public double millis(double percentile) {
      return Latency.millis(latency, percentile);
    }

    public double maxMillis() {
      return Latency.maxMillis(latency);
    }
  }

  private ClosedLoop() {}

  /** {@code request} makes client c's next request. */
  public static Result run(
      GitterApi api,
      int clients,
      int warmUpSeconds,
      int seconds,
      IntFunction<HttpRequest> request,
      List<ProcessProbe> probes) {
    long start = System.nanoTime();
    long windowStart = start + warmUpSeconds * 1_000_000_000L;
    long windowEnd = windowStart + seconds * 1_000_000_000L;
    Recorder latency = new Recorder(3);
    LongAdder ok = new LongAdder();
    LongAdder failed = new LongAdder();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      Thread thread =
          new Thread(
              () -> {
                while (System.nanoTime() < windowEnd) {
                  long sent = System.nanoTime();
                  int status;
                  try {
                    status =
                        api.http()
                            .send(request.apply(client), HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                  } catch (Exception e) {
                    status = -1;
                  }
                  long done = System.nanoTime();
                  if (sent >= windowStart && done < windowEnd) {
                    latency.recordValue((done - sent) / 1000);
                    (status == 200 ? ok : failed).increment();
                  }
                }
              },
              "client-" + c);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    sleepUntil(windowStart);
    latency.reset();
    UsageSampler sampler = new UsageSampler(probes);
    sleepUntil(windowEnd);
    Map<String, Usage> usage = sampler.stop();
    for (Thread thread : threads) {
      try {
        thread.join(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return new Result(ok.sum(), failed.sum(), seconds, latency.getIntervalHistogram(), usage);
  }

  private static void sleepUntil(long nanos) {
    long millis = (nanos - System.nanoTime()) / 1_000_000;
    if (millis > 0) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
