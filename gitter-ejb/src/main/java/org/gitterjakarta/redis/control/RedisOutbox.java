package org.gitterjakarta.redis.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import org.gitterjakarta.problems.Outages;

/**
 * Redis work that must not fail a request whose change is already stored in MongoDB: unread counts
 * and live events. While Redis is reachable the work runs at once; when Redis is away it waits
 * here, in order, and runs when Redis answers again (on the next piece of work, or on the {@link
 * RedisOutboxFlusher}'s tick). The outbox is per instance and bounded: past {@link #CAPACITY}
 * pieces the oldest are dropped with a warning, and clients fill the gap from history. Work must be
 * safe to run late; it runs at most once.
 */
@ApplicationScoped
public class RedisOutbox {

  static final int CAPACITY = 10_000;
  private static final System.Logger LOGGER = System.getLogger(RedisOutbox.class.getName());

  /**
   * After a failed attempt, new work only queues for this long: no request waits on a dead Redis.
   */
  static final long RETRY_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(500);

  private final Deque<Pending> pending = new ArrayDeque<>();
  private long dropped;
  private long failedAtNanos;
  private boolean draining;

  /** Whether anything waits; read without the lock, written under it. */
  private volatile boolean backlog;

  private record Pending(String what, Runnable work) {}

  /** Runs {@code work} now, or after what is already waiting when Redis is (or just went) away. */
  public void run(String what, Runnable work) {
    // the usual case takes no lock: nothing waits, so the work may run at once
    if (backlog) {
      synchronized (this) {
        if (!pending.isEmpty()) {
          enqueue(new Pending(what, work));
          // work that waited may itself hand work here (an unread change publishes its event)
          if (!draining && System.nanoTime() - failedAtNanos > RETRY_NANOS) {
            drainLocked();
          }
          return;
        }
      }
    }
    try {
      work.run();
    } catch (RuntimeException e) {
      if (!Outages.isRedisOutage(e)) {
        throw e;
      }
      LOGGER.log(System.Logger.Level.WARNING, "Redis away; {0} waits in the outbox", what);
      synchronized (this) {
        failedAtNanos = System.nanoTime();
        pendingFirst(new Pending(what, work));
      }
    }
  }

  /** Runs what waits, in order, until Redis fails again; true when nothing is left. */
  public synchronized boolean drain() {
    return draining || drainLocked();
  }

  public synchronized int size() {
    return pending.size();
  }

  private boolean drainLocked() {
    draining = true;
    try {
      return drainPending();
    } finally {
      draining = false;
    }
  }

  private boolean drainPending() {
    while (!pending.isEmpty()) {
      Pending next = pending.peekFirst();
      try {
        next.work().run();
      } catch (RuntimeException e) {
        if (Outages.isRedisOutage(e)) {
          failedAtNanos = System.nanoTime();
          return false;
        }
        LOGGER.log(System.Logger.Level.WARNING, "Outbox work failed, dropped: " + next.what(), e);
      }
      pending.pollFirst();
    }
    backlog = false;
    if (dropped > 0) {
      LOGGER.log(System.Logger.Level.WARNING, "Redis outbox overflowed: {0} dropped", dropped);
      dropped = 0;
    }
    return true;
  }

  /** A piece that failed while the outbox was empty: it goes first, ahead of later work. */
  private void pendingFirst(Pending piece) {
    pending.addFirst(piece);
    trim();
  }

  private void enqueue(Pending piece) {
    pending.addLast(piece);
    trim();
  }

  private void trim() {
    backlog = true;
    while (pending.size() > CAPACITY) {
      pending.pollFirst();
      dropped++;
    }
  }
}
