package org.gitterjakarta.testsupport.bayeux;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Deliveries not yet taken, in arrival order; a test takes the first that matches. */
final class Inbox {

  private final List<JsonObject> messages = new ArrayList<>();

  synchronized void add(JsonObject message) {
    messages.add(message);
    notifyAll();
  }

  /** The first message that matches, removed; waits up to {@code millis} for one to arrive. */
  synchronized Optional<JsonObject> take(Predicate<JsonObject> wanted, long millis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    try {
      while (true) {
        for (Iterator<JsonObject> it = messages.iterator(); it.hasNext(); ) {
          JsonObject message = it.next();
          if (wanted.test(message)) {
            it.remove();
            return Optional.of(message);
          }
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return Optional.empty();
        }
        wait(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  @Override
  public synchronized String toString() {
    return messages.toString();
  }
}
