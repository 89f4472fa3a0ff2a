package org.gitterjakarta.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.gitterjakarta.events.control.SubscriptionStates;

/**
 * Not ready while a live subscription of this instance is down: Redis may answer pings again before
 * the subscription is back, and a realtime instance taking sockets then would deliver nothing. The
 * instance's one check looks at the subscriptions of all its WARs.
 */
@Readiness
@ApplicationScoped
public class LiveReadiness implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("live-events")
        .status(SubscriptionStates.allReceiving())
        .build();
  }
}
