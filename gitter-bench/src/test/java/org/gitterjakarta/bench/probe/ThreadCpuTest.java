package org.gitterjakarta.bench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gitterjakarta.bench.probe.ThreadCpu.Kind;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

  @Test
  void sortsHotSpotsThreadsByWhatTheyDo() {
    // names as /proc/<pid>/task/<tid>/comm shows them for JDK 17 (cut at 15 characters)
    for (String compiler : new String[] {"C2 CompilerThre", "C1 CompilerThre", "Sweeper thread"}) {
      assertEquals(Kind.COMPILER, Kind.of(compiler), compiler);
    }
    for (String gc :
        new String[] {"GC Thread#0", "G1 Conc#0", "G1 Refine#0", "G1 Young RemSet", "VM Thread"}) {
      assertEquals(Kind.GC_OR_VM, Kind.of(gc), gc);
    }
    for (String rest :
        new String[] {"main", "http-thread-poo", "bayeux-executo", "VM Periodic Tas", "java"}) {
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
    ThreadCpu before = ThreadCpu.of(ProcessHandle.current().pid());
    long sum = 0;
    for (long deadline = System.nanoTime() + 300_000_000L; System.nanoTime() < deadline; ) {
      sum += Long.toString(sum).hashCode(); // CPU on this thread, one of the rest
    }
    ThreadCpu after = ThreadCpu.of(ProcessHandle.current().pid());
    ThreadCpu spent = after.since(before);

    assertTrue(after.compilers() > 0, "the JIT compiled JUnit's code before this ran: " + after);
    assertTrue(after.total() >= after.compilers() + after.gcAndVm(), after.toString());
    assertTrue(spent.rest() >= 0.2, "most of the 0.3 s loop " + sum + ": " + spent);
    assertEquals(300, ThreadCpu.percent(0.6, 0.2), 1e-9);
  }

  @Test
  void aProcessThatIsGoneIsUnknown() {
    ThreadCpu gone = ThreadCpu.of(Long.MAX_VALUE);

    assertTrue(Double.isNaN(gone.total()) && Double.isNaN(gone.compilers()), gone.toString());
  }
}
