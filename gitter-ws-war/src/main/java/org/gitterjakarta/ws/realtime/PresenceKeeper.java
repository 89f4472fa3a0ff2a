package org.gitterjakarta.ws.realtime;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.gitterjakarta.presence.boundary.Presence;

/**
 * Keeps this instance's presence honest: a heartbeat every {@value #BEAT_SECONDS} s (valid three
 * times as long), and a sweep that removes the sockets of instances whose heartbeat stopped.
 */
@ApplicationScoped
public class PresenceKeeper {

  static final int BEAT_SECONDS = 15;
  static final int SWEEP_SECONDS = 60;
  private static final System.Logger LOGGER = System.getLogger(PresenceKeeper.class.getName());

  @Inject Presence presence;
  @Inject LocalClients clients;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> beat;
  private ScheduledFuture<?> sweep;

  void start() {
    beat =
        scheduler.scheduleAtFixedRate(
            () -> safely(() -> presence.heartbeat(clients.instance(), 3 * BEAT_SECONDS)),
            0,
            BEAT_SECONDS,
            TimeUnit.SECONDS);
    sweep =
        scheduler.scheduleAtFixedRate(
            () -> safely(presence::collectDeadInstances),
            SWEEP_SECONDS,
            SWEEP_SECONDS,
            TimeUnit.SECONDS);
  }

  private static void safely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.WARNING, "Presence upkeep failed; next round retries", e);
    }
  }

  @PreDestroy
  void stop() {
    if (beat != null) {
      beat.cancel(false);
      sweep.cancel(false);
    }
  }
}
