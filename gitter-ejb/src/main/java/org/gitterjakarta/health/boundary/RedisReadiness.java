package org.gitterjakarta.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.gitterjakarta.redis.control.RedisConnections;
import org.gitterjakarta.redis.control.RedisRole;

/**
 * One readiness check per Redis role ({@code redis-persist}, ...), so that a report names the role
 * whose server is unreachable even when the roles point at different servers.
 */
@ApplicationScoped
public class RedisReadiness {

  @Inject RedisConnections connections;

  @Produces
  @Readiness
  HealthCheck persist() {
    return () -> ping(RedisRole.PERSIST);
  }

  @Produces
  @Readiness
  HealthCheck nonpersist() {
    return () -> ping(RedisRole.NONPERSIST);
  }

  @Produces
  @Readiness
  HealthCheck pubsub() {
    return () -> ping(RedisRole.PUBSUB);
  }

  HealthCheckResponse ping(RedisRole role) {
    var response = HealthCheckResponse.named("redis-" + role.key());
    try {
      return response.status("PONG".equals(connections.client(role).ping())).build();
    } catch (RuntimeException e) {
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
