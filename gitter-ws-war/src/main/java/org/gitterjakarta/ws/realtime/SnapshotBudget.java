package org.gitterjakarta.ws.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.cometd.bayeux.server.ServerSession;

/**
 * Bounds what snapshots one client, and the instance, may cost. A snapshot is the one thing a
 * subscribe makes the server read and serialise, so a batch of subscribes could otherwise ask for
 * megabytes per request: each client may receive {@link #BYTES_PER_WINDOW} of snapshots per {@link
 * #WINDOW_NANOS} (more than a client that follows a hundred rooms asks for), and at most {@link
 * #CONCURRENT} snapshots are read at once on an instance.
 */
@ApplicationScoped
public class SnapshotBudget {

  static final long BYTES_PER_WINDOW = 1024 * 1024;
  static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(10);
  static final int CONCURRENT = 4;
  static final long WAIT_MILLIS = 5000;

  private static final String ATTRIBUTE = SnapshotBudget.class.getName();

  private final Semaphore reading = new Semaphore(CONCURRENT);

  /** Whether the client may subscribe now: false while its snapshots of the window are spent. */
  public boolean allows(ServerSession session) {
    return window(session).spent(System.nanoTime()) < BYTES_PER_WINDOW;
  }

  /** Counts a snapshot sent to the client. */
  public void charge(ServerSession session, long bytes) {
    window(session).add(System.nanoTime(), bytes);
  }

  /** Reads a snapshot when one of the instance's readers is free within a few seconds. */
  public <T> Optional<T> read(Supplier<Optional<T>> snapshot) {
    boolean acquired = false;
    try {
      acquired = reading.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
      return acquired ? snapshot.get() : Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (acquired) {
        reading.release();
      }
    }
  }

  private static Window window(ServerSession session) {
    Object window = session.getAttribute(ATTRIBUTE);
    if (window instanceof Window existing) {
      return existing;
    }
    Window fresh = new Window();
    session.setAttribute(ATTRIBUTE, fresh);
    return fresh;
  }

  /** Bytes sent in the current window; a fixed window is enough for a bound. */
  static final class Window {
    private long startNanos = System.nanoTime();
    private long bytes;

    synchronized long spent(long now) {
      roll(now);
      return bytes;
    }

    synchronized void add(long now, long more) {
      roll(now);
      bytes += more;
    }

    private void roll(long now) {
      if (now - startNanos > WINDOW_NANOS) {
        startNanos = now;
        bytes = 0;
      }
    }
  }
}
