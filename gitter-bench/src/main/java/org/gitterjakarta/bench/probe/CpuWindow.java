package org.gitterjakarta.bench.probe;

/** What a JVM's threads spent ({@link ThreadCpu}) over {@code seconds} of wall time. */
public record CpuWindow(ThreadCpu spent, double seconds) {

  public static final CpuWindow UNKNOWN = new CpuWindow(ThreadCpu.UNKNOWN, Double.NaN);

  /** From {@code start}, read at {@code startNanos} ({@link System#nanoTime}), until now. */
  public static CpuWindow since(long pid, ThreadCpu start, long startNanos) {
    return new CpuWindow(
        ThreadCpu.of(pid).since(start), (System.nanoTime() - startNanos) / 1_000_000_000.0);
  }

  /** The whole JVM, in % of one core (200 = both cores busy); the parts below in the same unit. */
  public double totalPercent() {
    return ThreadCpu.percent(spent.total(), seconds);
  }

  public double compilersPercent() {
    return ThreadCpu.percent(spent.compilerSeconds(), seconds);
  }

  public double gcAndVmPercent() {
    return ThreadCpu.percent(spent.gcAndVmSeconds(), seconds);
  }
}
