package org.gitterjakarta.bench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.gitterjakarta.bench.probe.GcLog.Pauses;
import org.junit.jupiter.api.Test;

class GcLogTest {

  // As JDK 17 writes them with -Xlog:gc:file=...:time,timemillis
  private static final List<String> LOG =
      List.of(
          "[2026-12-05T18:10:52.058+0000][1000ms] Using G1",
          "[2026-12-05T18:10:53.000+0000][2000ms] GC(1) Pause Young (Normal) (G1 Evacuation Pause)"
              + " 26M->14M(380M) 11.542ms",
          "[2026-12-05T18:10:54.000+0000][3000ms] GC(2) Pause Young (Concurrent Start) (G1"
              + " Evacuation Pause) 149M->97M(317M) 16.734ms",
          "[2026-12-05T18:10:54.100+0000][3100ms] GC(3) Concurrent Cycle",
          "[2026-12-05T18:10:55.000+0000][4000ms] GC(3) Pause Remark 151M->146M(317M) 78.806ms",
          "[2026-12-05T18:10:55.100+0000][4100ms] GC(3) Pause Cleanup 99M->99M(180M) 3.966ms",
          "[2026-12-05T18:10:55.200+0000][4200ms] GC(3) Concurrent Cycle 1100.123ms",
          "[2026-12-05T18:10:56.000+0000][5000ms] GC(4) Pause Full (System.gc()) 107M->107M(317M)"
              + " 164.835ms");

  @Test
  void countsTheStopTheWorldPausesThatEndedInTheWindow() {
    Pauses pauses = GcLog.pauses(LOG, 2500, 4100);

    assertEquals(3, pauses.count(), "young, remark and cleanup; not the concurrent cycle");
    assertEquals(16.734 + 78.806 + 3.966, pauses.totalMillis(), 1e-9);
    assertEquals(78.806, pauses.longestMillis(), 1e-9);
    assertEquals("3, longest 78.8 ms", pauses.summary());
  }

  @Test
  void aQuietWindowHasNoPauses() {
    assertEquals("0", GcLog.pauses(LOG, 5001, 9000).summary());
  }

  @Test
  void aCollectorWhosePausesThisLogDoesNotShowIsUnknownNotZero() {
    List<String> zgc =
        List.of(
            "[2026-12-05T18:10:52.058+0000][1000ms] Using The Z Garbage Collector",
            "[2026-12-05T18:10:53.000+0000][2000ms] GC(0) Garbage Collection (Warmup)"
                + " 78M(8%)->42M(4%)");

    assertFalse(GcLog.pauses(zgc, 0, 9000).known());
  }

  @Test
  void noLogMeansUnknownNotZero() {
    Pauses pauses = new GcLog(Path.of("/nonexistent/gc.log")).between(0, Long.MAX_VALUE);

    assertFalse(pauses.known());
    assertEquals("", pauses.summary());
  }
}
