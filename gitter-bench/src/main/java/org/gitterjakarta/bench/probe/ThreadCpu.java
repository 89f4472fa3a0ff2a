package org.gitterjakarta.bench.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A JVM's CPU seconds so far, with the part its HotSpot JIT compiler threads (and code sweeper)
 * spent and the part its GC and VM threads spent; the rest is the application and its container.
 * Read from {@code /proc/<pid>/task} by thread name (Linux), so it costs the measured JVM nothing.
 * A freshly started JVM compiles its hot code while it serves: this shows how much CPU that took,
 * next to a warm one's. The total is the process's own, so a thread that ended in between still
 * counts, under the rest.
 *
 * @param compilers CPU seconds of each live compiler thread, by thread id
 * @param gcAndVm CPU seconds of each live GC or VM thread, by thread id
 * @param others CPU seconds of each other live thread, by thread id
 * @param names the names of those other threads, by thread id
 * @param total CPU seconds of the whole process
 */
public record ThreadCpu(
    Map<Long, Double> compilers,
    Map<Long, Double> gcAndVm,
    Map<Long, Double> others,
    Map<Long, String> names,
    double total) {

  public static final ThreadCpu UNKNOWN = new ThreadCpu(Map.of(), Map.of(), Double.NaN);

  public ThreadCpu {
    compilers = Map.copyOf(compilers);
    gcAndVm = Map.copyOf(gcAndVm);
    others = Map.copyOf(others);
    names = Map.copyOf(names);
  }

  /** Without the other threads' detail. */
  public ThreadCpu(Map<Long, Double> compilers, Map<Long, Double> gcAndVm, double total) {
    this(compilers, gcAndVm, Map.of(), Map.of(), total);
  }

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
          || threadName.equals("VM Thread")
          || threadName.equals("VM Periodic Tas")
          || threadName.equals("Service Thread")
          || threadName.equals("Monitor Deflati")) {
        return GC_OR_VM;
      }
      return REST;
    }
  }

  /** The process's CPU now, or {@link #UNKNOWN} when it is gone or not readable. */
  public static ThreadCpu of(long pid) {
    double total = new ProcessProbe("", pid).cpuSeconds();
    Map<Long, Double> compilers = new HashMap<>();
    Map<Long, Double> gcAndVm = new HashMap<>();
    Map<Long, Double> others = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String stat;
        try {
          stat = Files.readString(task.resolve("stat"));
          long tid = Long.parseLong(task.getFileName().toString());
          String name = threadName(stat);
          switch (Kind.of(name)) {
            case COMPILER -> compilers.put(tid, cpuSeconds(stat));
            case GC_OR_VM -> gcAndVm.put(tid, cpuSeconds(stat));
            case REST -> {
              others.put(tid, cpuSeconds(stat));
              names.put(tid, name);
            }
          }
        } catch (IOException | RuntimeException ended) {
          // ended while listed (or unreadable): its time is in the process total
        }
      }
    } catch (IOException | RuntimeException e) {
      return UNKNOWN;
    }
    return new ThreadCpu(compilers, gcAndVm, others, names, total);
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

  /**
   * What was spent between {@code earlier} and this: per thread, so that a compiler thread that
   * ended in between (HotSpot starts and stops them with the load on bigger machines) takes only
   * its time in the window to the rest, not its time before it.
   */
  public ThreadCpu since(ThreadCpu earlier) {
    return new ThreadCpu(
        spentSince(compilers, earlier.compilers),
        spentSince(gcAndVm, earlier.gcAndVm),
        spentSince(others, earlier.others),
        names,
        total - earlier.total);
  }

  /**
   * The other threads that spent the most, grouped by name without the number that ends it (a
   * pool's threads together, counting those that ran), busiest first: "http-thread-poo ×12 0.84 s",
   * at most {@code limit} groups.
   */
  public List<String> busiestOthers(int limit) {
    Map<String, List<Long>> byPool =
        others.keySet().stream()
            .filter(tid -> others.get(tid) > 0)
            .collect(
                Collectors.groupingBy(
                    tid -> names.getOrDefault(tid, "?").replaceFirst("\\d+\\)?$", "#")));
    return byPool.entrySet().stream()
        .map(pool -> Map.entry(pool, pool.getValue().stream().mapToDouble(others::get).sum()))
        .filter(pool -> pool.getValue() >= 0.005)
        .sorted(Map.Entry.<Map.Entry<String, List<Long>>, Double>comparingByValue().reversed())
        .limit(limit)
        .map(
            pool ->
                String.format(
                    java.util.Locale.ROOT,
                    "%s ×%d %.2f s",
                    pool.getKey().getKey(),
                    pool.getKey().getValue().size(),
                    pool.getValue()))
        .toList();
  }

  private static Map<Long, Double> spentSince(Map<Long, Double> now, Map<Long, Double> before) {
    Map<Long, Double> spent = new HashMap<>();
    now.forEach((tid, seconds) -> spent.put(tid, seconds - before.getOrDefault(tid, 0.0)));
    return spent;
  }

  public double compilerSeconds() {
    return Double.isNaN(total) ? Double.NaN : sum(compilers);
  }

  public double gcAndVmSeconds() {
    return Double.isNaN(total) ? Double.NaN : sum(gcAndVm);
  }

  public double restSeconds() {
    return total - compilerSeconds() - gcAndVmSeconds();
  }

  private static double sum(Map<Long, Double> seconds) {
    return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** CPU seconds over {@code seconds} of wall time as % of one core (200 = both cores busy). */
  public static double percent(double cpuSeconds, double seconds) {
    return seconds > 0 ? 100 * cpuSeconds / seconds : Double.NaN;
  }
}
