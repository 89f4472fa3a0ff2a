package org.gitterjakarta.bench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.gitterjakarta.bench.probe.ThreadCpu.Kind;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

  @Test
  void sortsHotSpotsThreadsByWhatTheyDo() {
    // names as /proc/<pid>/task/<tid>/comm shows them for JDK 17 (cut at 15 characters)
    for (String compiler : new String[] {"C2 CompilerThre", "C1 CompilerThre", "Sweeper thread"}) {
      assertEquals(Kind.COMPILER, Kind.of(compiler), compiler);
    }
    for (String vm :
        new String[] {
          "GC Thread#0",
          "G1 Conc#0",
          "G1 Refine#0",
          "G1 Service",
          "G1 Main Marker",
          "VM Thread",
          "VM Periodic Tas",
          "Service Thread",
          "Monitor Deflati"
        }) {
      assertEquals(Kind.GC_OR_VM, Kind.of(vm), vm);
    }
    for (String rest :
        new String[] {"main", "http-thread-poo", "bayeux-executor", "Common-Cleaner", "java"}) {
      assertEquals(Kind.REST, Kind.of(rest), rest);
    }
  }

  @Test
  void readsNameAndCpuTimeFromAStatLineWhoseNameHasSpacesAndParentheses() {
    String stat =
        "4242 (C2 (x) Thre) S 4200 4200 1 0 -1 1077936192 2000 0 0 0 150 50 0 0 20 0 1 0 9000"
            + " 123456 789 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 -1 1 0 0 0 0 0";

    assertEquals("C2 (x) Thre", ThreadCpu.threadName(stat));
    assertEquals(2.0, ThreadCpu.cpuSeconds(stat), 1e-9, "150 + 50 ticks of 1/100 s");
  }

  @Test
  void splitsThisJvmsOwnCpuTime() {
    var threads = ManagementFactory.getThreadMXBean();
    ThreadCpu before = ThreadCpu.of(ProcessHandle.current().pid());
    long start = threads.getCurrentThreadCpuTime();
    long sum = 0;
    while (threads.getCurrentThreadCpuTime() - start < 300_000_000L) {
      sum += Long.toString(sum).hashCode(); // 0.3 s of CPU on this thread, one of the rest
    }
    ThreadCpu after = ThreadCpu.of(ProcessHandle.current().pid());
    ThreadCpu spent = after.since(before);

    assertTrue(after.compilerSeconds() > 0, "the JIT compiled JUnit's code before this: " + after);
    assertTrue(after.total() >= after.compilerSeconds() + after.gcAndVmSeconds(), after.toString());
    assertTrue(spent.restSeconds() >= 0.25, "the 0.3 s loop (" + sum + ") is the rest: " + spent);
    assertEquals(300, ThreadCpu.percent(0.6, 0.2), 1e-9);
  }

  @Test
  void aCompilerThreadThatEndedTakesOnlyItsTimeInTheWindowAway() {
    var before = new ThreadCpu(Map.of(1L, 5.0, 2L, 3.0), Map.of(7L, 1.0), 20.0);
    // thread 2 ended (its 3 s before and whatever it spent since are in the process total),
    // thread 3 started
    var after = new ThreadCpu(Map.of(1L, 5.5, 3L, 0.25), Map.of(7L, 1.5), 22.0);

    ThreadCpu spent = after.since(before);

    assertEquals(0.75, spent.compilerSeconds(), 1e-9);
    assertEquals(0.5, spent.gcAndVmSeconds(), 1e-9);
    assertEquals(0.75, spent.restSeconds(), 1e-9);
  }

  @Test
  void namesTheBusiestPoolsOfTheOtherThreads() {
    var names = new java.util.HashMap<Long, String>();
    for (long tid : new long[] {10, 11, 12}) {
      names.put(tid, "http-thread-poo");
    }
    names.put(20L, "__ejb-thread-po");
    var before =
        new ThreadCpu(
            Map.of(), Map.of(), Map.of(10L, 1.0, 11L, 1.0, 12L, 1.0, 20L, 4.0), names, 10);
    names.put(30L, "pool-3-thread-1");
    names.put(31L, "main");
    var after =
        new ThreadCpu(
            Map.of(),
            Map.of(),
            Map.of(10L, 1.5, 11L, 1.25, 12L, 1.0, 20L, 4.5, 30L, 0.125, 31L, 0.001),
            names,
            12);

    assertEquals(
        java.util.List.of(
            "http-thread-poo ×2 0.75 s", "__ejb-thread-po ×1 0.50 s", "pool-3-thread-# ×1 0.13 s"),
        after.since(before).busiestOthers(5),
        "the idle thread 12 is not counted, main's 1 ms is left out");
    assertEquals(1, after.since(before).busiestOthers(1).size());
  }

  @Test
  void findsABusyThreadOfThisJvmAmongTheOthers() throws InterruptedException {
    ThreadCpu before = ThreadCpu.of(ProcessHandle.current().pid());
    var worked = new java.util.concurrent.CountDownLatch(1);
    var release = new java.util.concurrent.CountDownLatch(1);
    long[] sum = {0};
    Thread busy =
        new Thread(
            () -> {
              var threads = ManagementFactory.getThreadMXBean();
              long start = threads.getCurrentThreadCpuTime();
              while (threads.getCurrentThreadCpuTime() - start < 200_000_000L) {
                sum[0] += Long.toString(sum[0]).hashCode();
              }
              worked.countDown();
              try {
                release.await(); // alive while read: an ended thread is only in the total
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "busy-loop-7"); // the JDK names the Linux thread after it
    busy.start();
    worked.await();
    var spent = ThreadCpu.of(ProcessHandle.current().pid()).since(before);
    release.countDown();
    busy.join();

    assertTrue(
        spent.busiestOthers(1).get(0).startsWith("busy-loop-# ×1 0."),
        sum[0] + " " + spent.busiestOthers(3));
  }

  @Test
  void aProcessThatIsGoneIsUnknown() {
    ThreadCpu gone = ThreadCpu.of(Long.MAX_VALUE);

    assertTrue(Double.isNaN(gone.total()) && Double.isNaN(gone.compilerSeconds()), gone.toString());
    assertTrue(Double.isNaN(new CpuWindow(gone, 4).compilersPercent()));
  }
}
