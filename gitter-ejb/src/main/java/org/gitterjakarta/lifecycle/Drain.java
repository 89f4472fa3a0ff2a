package org.gitterjakarta.lifecycle;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Whether this instance is on its way out. The JVM's shutdown begins on SIGTERM; Payara Micro then
 * waits its shutdown grace ({@code --shutdowngrace}) before it undeploys anything, and this hook,
 * run at the same moment, turns new requests away and fires {@link Draining} so that realtime
 * clients reconnect to another instance while this one still finishes its requests in flight.
 */
@ApplicationScoped
public class Drain {

  private static final System.Logger LOGGER = System.getLogger(Drain.class.getName());

  @Inject Event<Draining> draining;

  /**
   * Static: {@link DrainFilter} reads it without CDI, so that it still answers 503 once Payara has
   * begun to undeploy the application (its contexts gone) while the port is open.
   */
  private static volatile boolean started;

  private Thread hook;

  void registerAtStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
    hook = new Thread(this::begin, "gitter-drain");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Turns new work away from now on; idempotent. */
  public void begin() {
    if (started) {
      return;
    }
    started = true;
    LOGGER.log(System.Logger.Level.INFO, "Stopping: new requests are turned away");
    try {
      draining.fire(new Draining());
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.WARNING, "Letting clients go failed", e);
    }
  }

  public boolean draining() {
    return started;
  }

  /** Whether this application has begun to stop (readable without CDI). */
  public static boolean stopping() {
    return started;
  }

  /** An undeployment without a JVM shutdown must not leave the hook (and this class) behind. */
  @PreDestroy
  void unregister() {
    if (hook == null) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: nothing to remove
    }
  }
}
