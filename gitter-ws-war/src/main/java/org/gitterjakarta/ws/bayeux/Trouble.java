package org.gitterjakarta.ws.bayeux;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Something that keeps going wrong for a while (a store out of reach, an instance full), logged
 * when it starts and when it is over rather than at every occurrence: thousands of clients meeting
 * the same outage would otherwise write thousands of warnings. After each occurrence, the work that
 * met it may pause for a while ({@link #paused()}) instead of meeting it again at once.
 */
public final class Trouble {

  private final System.Logger logger;
  private final String what;
  private final long pauseNanos;
  private final LongSupplier nanoClock;
  private final AtomicLong occurrences = new AtomicLong();
  private volatile long pausedUntil;

  /** Logs to {@code logger} as {@code what}; pauses for {@code pauseNanos} after each time. */
  public Trouble(System.Logger logger, String what, long pauseNanos, LongSupplier nanoClock) {
    this.logger = logger;
    this.what = what;
    this.pauseNanos = pauseNanos;
    this.nanoClock = nanoClock;
  }

  public Trouble(System.Logger logger, String what) {
    this(logger, what, 0, System::nanoTime);
  }

  /** It happened again; the first time of a run of them is logged as a warning with its detail. */
  public void happened(String detail) {
    pausedUntil = nanoClock.getAsLong() + pauseNanos;
    if (occurrences.getAndIncrement() == 0) {
      logger.log(System.Logger.Level.WARNING, "{0}: {1}", what, detail);
    }
  }

  /** It went right this time: if it had gone wrong before, the run of troubles is over. */
  public void over() {
    if (occurrences.get() == 0) {
      return; // the usual case, with no write to a shared field
    }
    long times = occurrences.getAndSet(0);
    if (times > 0) {
      logger.log(System.Logger.Level.INFO, "{0}: over, after {1} times", what, times);
    }
  }

  /** Whether the work should not be tried now: it went wrong less than the pause ago. */
  public boolean paused() {
    return occurrences.get() > 0 && nanoClock.getAsLong() - pausedUntil < 0;
  }

  /** How many times it happened since it was last over. */
  public long occurrences() {
    return occurrences.get();
  }
}
