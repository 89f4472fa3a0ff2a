package org.gitterjakarta.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.gitterjakarta.events.boundary.LiveSubscription;

/**
 * Not ready while this instance's live subscription is down: Redis may answer pings again before
 * the subscription is back, and a realtime instance taking sockets then would deliver nothing.
 */
@Readiness
@ApplicationScoped
public class LiveReadiness implements HealthCheck {

  @Inject LiveSubscription live;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("live-events").status(live.receiving()).build();
  }
}
