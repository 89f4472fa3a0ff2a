package org.gitterjakarta.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.gitterjakarta.lifecycle.Drain;

/** Not ready once the instance has begun to stop: balancers that poll readiness move on first. */
@Readiness
@ApplicationScoped
public class DrainReadiness implements HealthCheck {

  @Inject Drain drain;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("accepting-requests").status(!drain.draining()).build();
  }
}
