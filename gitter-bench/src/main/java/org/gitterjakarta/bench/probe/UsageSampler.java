package org.gitterjakarta.bench.probe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples the processes of a phase (server, Redis, Faye, the bench itself) while it runs: CPU time
 * between start and stop, resident memory every 200 ms for its peak.
 */
public final class UsageSampler implements AutoCloseable {

  private final List<ProcessProbe> probes;
  private final Map<String, Double> cpuAtStart = new LinkedHashMap<>();
  private final Map<String, Long> peakRss = new ConcurrentHashMap<>();
  private final long startNanos = System.nanoTime();
  private final Thread sampler;
  private volatile boolean running = true;

  public UsageSampler(List<ProcessProbe> probes) {
    this.probes = List.copyOf(probes);
    for (ProcessProbe probe : probes) {
      cpuAtStart.put(probe.name(), probe.cpuSeconds());
    }
    sampler = new Thread(this::sample, "usage-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sample() {
    while (running) {
      for (ProcessProbe probe : probes) {
        peakRss.merge(probe.name(), probe.rssKiB(), Math::max);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Usage per process name since this sampler was made. */
  public Map<String, Usage> stop() {
    running = false;
    sampler.interrupt();
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    Map<String, Usage> usage = new LinkedHashMap<>();
    for (ProcessProbe probe : probes) {
      double cpu = probe.cpuSeconds() - cpuAtStart.get(probe.name());
      long end = probe.rssKiB();
      long peak = Math.max(end, peakRss.getOrDefault(probe.name(), end));
      usage.put(probe.name(), new Usage(100 * cpu / seconds, peak / 1024.0, end / 1024.0));
    }
    return usage;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
