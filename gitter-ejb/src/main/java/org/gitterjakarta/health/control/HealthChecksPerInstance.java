package org.gitterjakarta.health.control;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

/**
 * Lists each health check once per instance, whatever the number of WARs in it: the first
 * application of the JVM to start claims the checks ({@link OneSetOfChecks}) and keeps its health
 * beans; any later one vetoes its own copies. A WAR running alone always claims them. The checks
 * look at the whole instance (the Redis roles and MongoDB are the same for every WAR; live-events
 * reads every WAR's subscription), so which WAR serves them does not matter.
 */
public class HealthChecksPerInstance implements Extension {

  private static final System.Logger LOGGER =
      System.getLogger(HealthChecksPerInstance.class.getName());

  /** Where the checks are; named, not referenced: a control knows no boundary. */
  static final String CHECKS_PACKAGE = "org.gitterjakarta.health.boundary";

  private boolean serving;

  void claim(@Observes BeforeBeanDiscovery discovery) {
    ClassLoader application = HealthChecksPerInstance.class.getClassLoader();
    serving =
        OneSetOfChecks.claim(String.valueOf(application.getName()) + "@" + application.hashCode());
    if (!serving) {
      LOGGER.log(
          System.Logger.Level.INFO,
          "Health checks are served by another application of this instance");
    }
  }

  <T> void leaveChecksToTheClaimant(@Observes ProcessAnnotatedType<T> type) {
    if (!serving
        && CHECKS_PACKAGE.equals(type.getAnnotatedType().getJavaClass().getPackageName())) {
      type.veto();
    }
  }

  void release(@Observes BeforeShutdown shutdown) {
    if (serving) {
      OneSetOfChecks.release();
    }
  }
}
