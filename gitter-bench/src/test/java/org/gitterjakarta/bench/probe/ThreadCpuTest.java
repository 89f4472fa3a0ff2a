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
  void aProcessThatIsGoneIsUnknown() {
    ThreadCpu gone = ThreadCpu.of(Long.MAX_VALUE);

    assertTrue(Double.isNaN(gone.total()) && Double.isNaN(gone.compilerSeconds()), gone.toString());
    assertTrue(Double.isNaN(new CpuWindow(gone, 4).compilersPercent()));
  }
}
