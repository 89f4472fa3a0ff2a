package org.gitterjakarta.api.messages;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.gitterjakarta.api.requests.JsonBodies;
import org.gitterjakarta.messages.boundary.Messages;
import org.gitterjakarta.tokens.boundary.Tokens;
import org.gitterjakarta.tokens.entity.TokenValues;
import org.gitterjakarta.unread.boundary.UnreadItems;

/**
 * Runs the send path once before the instance reports ready: on a fresh instance the first message
 * otherwise waited most of a second for classes to load and set up. A big room's unread work runs
 * often enough to be compiled ({@link UnreadItems#warmUp}). It runs beside the deployment of the
 * other WARs where it can (Payara Micro), and readiness ({@code warmed-up}) waits for it. Nothing
 * is left stored (what is written for it is removed at once); a failure is logged and counts as
 * done, so it never keeps an instance out of service.
 */
@ApplicationScoped
public class SendPathWarmUp {

  private static final System.Logger LOGGER = System.getLogger(SendPathWarmUp.class.getName());

  @Inject Messages messages;
  @Inject UnreadItems unread;
  @Inject Tokens tokens;
  @Inject Validator validator;

  @Inject
  @ConfigProperty(name = "gitter.warm-up")
  boolean enabled;

  /** Far longer than the warm-up takes (1-2 s here), short enough for a deployment to wait. */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  private volatile boolean done;
  private volatile long startedAt = System.nanoTime();

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (!enabled) {
      done = true;
      return;
    }
    startedAt = System.nanoTime();
    ManagedExecutorService executor = defaultExecutor();
    if (executor == null) {
      warm();
      return;
    }
    try {
      executor
          .runAsync(this::warm)
          .whenComplete(
              (ignored, failure) -> {
                if (failure != null) {
                  LOGGER.log(System.Logger.Level.WARNING, "Send path warm-up not run", failure);
                }
                done = true;
              });
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.WARNING, "Send path warm-up not started", e);
      done = true;
    }
  }

  /**
   * The default managed executor, or null while it is not bound: in an EAR on Payara Server this
   * event comes before the web module's {@code java:comp} exists (an injected one fails the
   * deployment), and the warm-up then runs in the deployment itself.
   */
  private static ManagedExecutorService defaultExecutor() {
    try {
      return (ManagedExecutorService)
          new InitialContext().lookup("java:comp/DefaultManagedExecutorService");
    } catch (NamingException notYet) {
      return null;
    }
  }

  /** Done, or given up on: a warm-up that never ran must not keep the instance out of service. */
  boolean warmedUp() {
    return done || System.nanoTime() - startedAt > MAX_WAIT.toNanos();
  }

  void warm() {
    try {
      long start = System.nanoTime();
      try {
        // a token nobody holds: the authentication filter's lookups, cache and store
        tokens.resolve(TokenValues.generate());
        JsonBodies.parse("{\"text\":\"warm-up\"}".getBytes(StandardCharsets.UTF_8));
        validator.validate(new MessageBody("warm-up", null, null, null));
        messages.warmUp();
        LOGGER.log(
            System.Logger.Level.INFO,
            String.format("Send path warmed up in %d ms", (System.nanoTime() - start) / 1_000_000));
      } catch (RuntimeException e) {
        LOGGER.log(System.Logger.Level.WARNING, "Send path warm-up failed; carrying on", e);
      }
      start = System.nanoTime();
      try {
        int items = unread.warmUp(); // Redis only: runs even when the store failed above
        LOGGER.log(
            System.Logger.Level.INFO,
            String.format(
                "A big room's unread work warmed up: %d items in %d ms",
                items, (System.nanoTime() - start) / 1_000_000));
      } catch (RuntimeException e) {
        LOGGER.log(System.Logger.Level.WARNING, "Unread warm-up failed; carrying on", e);
      }
    } finally {
      done = true;
    }
  }

  @Produces
  @Readiness
  HealthCheck warmedUpCheck() {
    return () -> HealthCheckResponse.named("warmed-up").status(warmedUp()).build();
  }
}
