package org.gitterjakarta.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the JVM can still allocate and answer; a store being down is a readiness matter, not
 * a reason to restart the instance.
 */
@Liveness
@ApplicationScoped
public class ApplicationLiveness implements HealthCheck {

  static final long MIN_FREE_BYTES = 16L * 1024 * 1024;

  @Override
  public HealthCheckResponse call() {
    Runtime runtime = Runtime.getRuntime();
    long free = runtime.maxMemory() - runtime.totalMemory() + runtime.freeMemory();
    return HealthCheckResponse.named("application")
        .status(free > MIN_FREE_BYTES)
        .withData("freeMemoryBytes", free)
        .build();
  }
}
