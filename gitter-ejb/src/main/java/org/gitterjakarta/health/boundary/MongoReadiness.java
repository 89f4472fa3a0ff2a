package org.gitterjakarta.health.boundary;

import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while MongoDB answers a ping within the client's server-selection timeout. */
@Readiness
@ApplicationScoped
public class MongoReadiness implements HealthCheck {

  @Inject MongoDatabase database;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("mongo").withData("database", database.getName());
    try {
      database.runCommand(new Document("ping", 1));
      return response.up().build();
    } catch (RuntimeException e) {
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
