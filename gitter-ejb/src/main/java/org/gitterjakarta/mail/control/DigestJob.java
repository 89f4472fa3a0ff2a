package org.gitterjakarta.mail.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Every few seconds, sends the digests that are due. Every instance (and every WAR of one) runs
 * this job; a person's lock in Redis makes one of them the sender of each digest, so any number of
 * instances share the work and none sends a digest twice.
 */
@Singleton
public class DigestJob {

  static final int BATCH = 50;

  /**
   * Longer than any SMTP conversation (timeouts of 10 s per step), so a lock never lapses early.
   */
  static final Duration LOCK = Duration.ofMinutes(2);

  private static final System.Logger LOGGER = System.getLogger(DigestJob.class.getName());

  private final String owner = UUID.randomUUID().toString();

  @Inject MailSettings settings;
  @Inject MailQueue queue;
  @Inject DigestSender sender;

  @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
  void tick() {
    if (!settings.enabled()) {
      return;
    }
    long now = System.currentTimeMillis();
    List<String> due;
    try {
      due = queue.dueBy(now, BATCH);
    } catch (RuntimeException e) {
      LOGGER.log(
          System.Logger.Level.WARNING, "Unread digests not sent; tried again at the next tick", e);
      return;
    }
    for (String userId : due) {
      processAlone(userId, now);
    }
  }

  /** One person's digest; a failure postpones that person only, never those behind them. */
  private void processAlone(String userId, long now) {
    try {
      if (queue.lock(userId, owner, LOCK)) {
        try {
          sender.process(userId, now);
        } finally {
          queue.unlock(userId, owner);
        }
      }
    } catch (RuntimeException e) {
      LOGGER.log(
          System.Logger.Level.WARNING,
          "Unread digest of " + userId + " failed; tried again after the retry delay",
          e);
      try {
        queue.postpone(userId, now + settings.retryDelay().toMillis());
      } catch (RuntimeException alsoDown) {
        // Redis itself is away: the next tick finds the person due again
      }
    }
  }
}
