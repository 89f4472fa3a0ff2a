package org.gitterjakarta.ws.bayeux;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Something that keeps going wrong for a while (a store out of reach, an instance full), logged
 * when it starts and when it is over rather than at every occurrence: thousands of clients meeting
 * the same outage would otherwise write thousands of warnings. It is over at the first success a
 * quiet time after the last occurrence, so a state that flickers (files just under the limit, then
 * just over) stays one run. Until then the work that met it may pause ({@link #paused()}) instead
 * of meeting it again at once.
 */
public final class Trouble {

  private final System.Logger logger;
  private final String what;
  private final long quietNanos;
  private final LongSupplier nanoClock;
  private final AtomicLong occurrences = new AtomicLong();
  private volatile long lastAt;

  /** Logs to {@code logger} as {@code what}; over only {@code quietNanos} after the last time. */
  public Trouble(System.Logger logger, String what, long quietNanos, LongSupplier nanoClock) {
    this.logger = logger;
    this.what = what;
    this.quietNanos = quietNanos;
    this.nanoClock = nanoClock;
  }

  /** It happened again; the first time of a run of them is logged as a warning with its detail. */
  public void happened(String detail) {
    happened(detail, null);
  }

  /** As {@link #happened(String)}, the first time's warning with the failure's stack trace. */
  public void happened(String detail, Throwable failure) {
    lastAt = nanoClock.getAsLong();
    if (occurrences.getAndIncrement() == 0) {
      String line = what + ": " + detail;
      if (failure == null) {
        logger.log(System.Logger.Level.WARNING, line);
      } else {
        logger.log(System.Logger.Level.WARNING, line, failure);
      }
    }
  }

  /** It went right this time: if it had gone wrong, but not lately, the run of troubles is over. */
  public void over() {
    long times = occurrences.get();
    if (times == 0 || paused()) {
      return; // the usual case reads one field and writes none
    }
    // not over if it happened again meanwhile
    if (occurrences.compareAndSet(times, 0)) {
      logger.log(System.Logger.Level.INFO, what + ": over, after " + times + " times");
    }
  }

  /** Whether the work should wait: it went wrong less than the quiet time ago. */
  public boolean paused() {
    return occurrences.get() > 0 && nanoClock.getAsLong() - lastAt < quietNanos;
  }

  /** How many times it happened since it was last over. */
  public long occurrences() {
    return occurrences.get();
  }
}
