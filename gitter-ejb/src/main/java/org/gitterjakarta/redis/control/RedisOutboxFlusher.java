package org.gitterjakarta.redis.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/** Retries the outbox's waiting work every second, so it runs even when no new work comes. */
@Singleton
public class RedisOutboxFlusher {

  @Inject RedisOutbox outbox;

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  void flush() {
    if (outbox.size() > 0) {
      outbox.drain();
    }
  }
}
