package org.gitterjakarta.api.messages;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.gitterjakarta.api.requests.JsonBodies;
import org.gitterjakarta.messages.boundary.Messages;
import org.gitterjakarta.tokens.boundary.Tokens;
import org.gitterjakarta.tokens.entity.TokenValues;

/**
 * Runs the send path once before the instance reports ready: on a fresh instance the first message
 * otherwise waited most of a second for classes to load and set up. It runs beside the deployment
 * of the other WARs, and readiness ({@code warmed-up}) waits for it. Nothing is stored; a failure
 * is logged and counts as done, so it never keeps an instance out of service.
 */
@ApplicationScoped
public class SendPathWarmUp {

  private static final System.Logger LOGGER = System.getLogger(SendPathWarmUp.class.getName());

  @Inject Messages messages;
  @Inject Tokens tokens;
  @Inject Validator validator;

  @Inject
  @ConfigProperty(name = "gitter.warm-up")
  boolean enabled;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  private volatile boolean done;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (!enabled) {
      done = true;
      return;
    }
    try {
      executor.execute(this::warm);
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.WARNING, "Send path warm-up not started", e);
      done = true;
    }
  }

  void warm() {
    long start = System.nanoTime();
    try {
      // a token nobody holds: the authentication filter's lookups, cache and store
      tokens.resolve(TokenValues.generate());
      JsonBodies.parse("{\"text\":\"warm-up\"}".getBytes(StandardCharsets.UTF_8));
      validator.validate(new MessageBody("warm-up", null, null, null));
      messages.warmUp();
      LOGGER.log(
          System.Logger.Level.INFO,
          "Send path warmed up in {0} ms",
          (System.nanoTime() - start) / 1_000_000);
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.WARNING, "Send path warm-up failed; carrying on", e);
    } finally {
      done = true;
    }
  }

  @Produces
  @Readiness
  HealthCheck warmedUp() {
    return () -> HealthCheckResponse.named("warmed-up").status(done).build();
  }
}
