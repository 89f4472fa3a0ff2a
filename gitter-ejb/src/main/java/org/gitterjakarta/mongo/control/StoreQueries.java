package org.gitterjakarta.mongo.control;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Counts the MongoDB commands each thread sends. The driver calls listeners on the calling thread,
 * so a request's count is what it cost the store: cheap enough to keep on, and what proves that a
 * list (the left menu, explore) costs the same number of queries whatever its length.
 */
public final class StoreQueries implements CommandListener {

  private static final ThreadLocal<long[]> SENT = ThreadLocal.withInitial(() -> new long[1]);

  /** Commands this thread has sent since it started. */
  public static long sentByThisThread() {
    return SENT.get()[0];
  }

  @Override
  public void commandStarted(CommandStartedEvent event) {
    SENT.get()[0]++;
  }
}
