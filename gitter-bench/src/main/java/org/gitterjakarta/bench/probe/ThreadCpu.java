package org.gitterjakarta.bench.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A JVM's CPU seconds so far, split by the kind of thread that spent them: HotSpot's JIT compiler
 * threads (and its code sweeper), its GC and VM threads, and the rest (the application and its
 * container). Read from {@code /proc/<pid>/task} by thread name (Linux), so it costs the measured
 * JVM nothing. A freshly started JVM compiles its hot code while it serves: this shows how much of
 * its CPU that took, next to a warm one's. The total is the process's own, so threads that ended in
 * between still count, under the rest.
 */
public record ThreadCpu(double compilers, double gcAndVm, double total) {

  public static final ThreadCpu UNKNOWN = new ThreadCpu(Double.NaN, Double.NaN, Double.NaN);

  /** What a thread of this name ({@code comm}, at most 15 characters) counts as. */
  enum Kind {
    COMPILER,
    GC_OR_VM,
    REST;

    static Kind of(String threadName) {
      if (threadName.startsWith("C1 CompilerThre")
          || threadName.startsWith("C2 CompilerThre")
          || threadName.equals("Sweeper thread")) {
        return COMPILER;
      }
      if (threadName.startsWith("GC Thread#")
          || threadName.startsWith("G1 ")
          || threadName.equals("VM Thread")) {
        return GC_OR_VM;
      }
      return REST;
    }
  }

  /** The process's split now, or {@link #UNKNOWN} when it is gone or not readable. */
  public static ThreadCpu of(long pid) {
    double total = new ProcessProbe("", pid).cpuSeconds();
    double compilers = 0;
    double gcAndVm = 0;
    try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
        } catch (IOException ended) {
          continue; // the thread ended while listed: its time is in the process total
        }
        switch (Kind.of(threadName(stat))) {
          case COMPILER -> compilers += cpuSeconds(stat);
          case GC_OR_VM -> gcAndVm += cpuSeconds(stat);
          case REST -> {}
        }
      }
    } catch (IOException | RuntimeException e) {
      return UNKNOWN;
    }
    return new ThreadCpu(compilers, gcAndVm, total);
  }

  /** The thread's name: the {@code comm} field of its stat line, between the parentheses. */
  static String threadName(String stat) {
    return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  }

  /** User + system seconds of a stat line (fields 14 and 15). */
  static double cpuSeconds(String stat) {
    // the name may hold spaces and parentheses: fields are counted after its closing parenthesis
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12]))
        / ProcessProbe.TICKS_PER_SECOND;
  }

  /** What was spent between {@code earlier} and this. */
  public ThreadCpu since(ThreadCpu earlier) {
    return new ThreadCpu(
        compilers - earlier.compilers, gcAndVm - earlier.gcAndVm, total - earlier.total);
  }

  public double rest() {
    return total - compilers - gcAndVm;
  }

  /** CPU seconds over {@code seconds} of wall time as % of one core (200 = both cores busy). */
  public static double percent(double cpuSeconds, double seconds) {
    return seconds > 0 ? 100 * cpuSeconds / seconds : Double.NaN;
  }
}
