package org.gitterjakarta.bench.fanout;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.gitterjakarta.bench.Latency;
import org.gitterjakarta.bench.probe.CpuWindow;
import org.gitterjakarta.bench.probe.GcLog;
import org.gitterjakarta.bench.probe.Usage;

/**
 * One fan-out run: a system, S subscribers, what was sent and what arrived how fast (µs); {@code
 * early} holds the messages sent in the run's first seconds when it asked for them (else empty),
 * {@code firstMessages} each of its first few messages apart and {@code firstAcks} their sends'
 * acknowledgement times (µs, -1 if not answered); {@code serverCpu} what the server's threads spent
 * while it ran, {@code earlyServerCpu} in its first seconds (unknown without them); {@code
 * serverPauses} the server's GC pauses while it ran (unknown for Faye).
 */
public record FanoutRun(
    String system,
    int subscribers,
    int socketsFailed,
    long sent,
    long sendFailed,
    long expected,
    long received,
    int socketsLost,
    Histogram latency,
    Histogram early,
    List<Histogram> firstMessages,
    List<Long> firstAcks,
    Histogram ackLatency,
    Map<String, Usage> usage,
    CpuWindow serverCpu,
    CpuWindow earlyServerCpu,
    GcLog.Pauses serverPauses) {

  public long lost() {
    return Math.max(0, expected - received);
  }

  public double millis(double percentile) {
    return Latency.millis(latency, percentile);
  }

  public double earlyMillis(double percentile) {
    return Latency.millis(early, percentile);
  }

  public double maxMillis() {
    return Latency.maxMillis(latency);
  }
}
