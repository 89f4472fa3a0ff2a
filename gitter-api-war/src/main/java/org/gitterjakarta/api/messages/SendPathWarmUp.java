package org.gitterjakarta.api.messages;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.validation.Validator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.gitterjakarta.api.requests.JsonBodies;
import org.gitterjakarta.api.security.RateLimitFilter;
import org.gitterjakarta.messages.boundary.Messages;
import org.gitterjakarta.ratelimits.boundary.RateLimits;
import org.gitterjakarta.tokens.boundary.Tokens;
import org.gitterjakarta.tokens.entity.TokenValues;
import org.gitterjakarta.unread.boundary.UnreadItems;
import org.gitterjakarta.users.boundary.Users;

/**
 * Runs the send path once before the instance reports ready: on a fresh instance the first message
 * otherwise waited most of a second for classes to load and set up. A big room's unread work runs
 * often enough to be compiled ({@link UnreadItems#warmUp}). It runs beside the deployment of the
 * other WARs where it can (Payara Micro), and readiness ({@code warmed-up}) waits for it. Nothing
 * is left stored (what is written for it is removed at once); a failure is logged and counts as
 * done, so it never keeps an instance out of service.
 *
 * <p>Then, once the instance's HTTP listener answers ({@code gitter.warm-up.port}, set by {@code
 * ./gitter run}), the send method itself is called over HTTP, {@value #REQUESTS} times, for a room
 * that exists nowhere: Jersey and Payara's telemetry set up their per-method state on a method's
 * first request (about 60 ms of CPU in the first real send of a fresh instance, gitter-bench, issue
 * 18). Those requests speak for an existing account (not staff) with a token only the cache knows
 * ({@link Tokens#issueWarmUpToken}); each is answered 404 and changes nothing, and the token and
 * the requests' rate-limit window are dropped after them. A new installation has no account, and
 * nothing to warm for. Readiness stops waiting for all of it {@link #MAX_WAIT} after the start.
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

  /** Far longer than the warm-up takes (2-8 s here), short enough for a deployment to wait. */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  static final int REQUESTS = 5;

  @Inject
  @ConfigProperty(name = "gitter.warm-up.port")
  Optional<Integer> port;

  @Inject Users users;
  @Inject RateLimits limits;

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
      try {
        warm(); // in the deployment: the listener it would call answers only after it
      } finally {
        done = true;
      }
      return;
    }
    String contextPath =
        started instanceof ServletContext context ? context.getContextPath() : null;
    try {
      executor
          .runAsync(
              () -> {
                warm();
                warmSendMethod(contextPath);
              })
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
   * event can come before the web module's {@code java:comp} exists (an injected one fails the
   * deployment), and the warm-up then runs in the deployment itself, without its HTTP requests.
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

  /** The send path's parts in this process; logged, never thrown. */
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
  }

  /** The send method's first requests, over HTTP; logged, never thrown. */
  void warmSendMethod(String contextPath) {
    if (port.isEmpty() || contextPath == null) {
      LOGGER.log(
          System.Logger.Level.INFO,
          port.isEmpty()
              ? "Send method not warmed over HTTP: gitter.warm-up.port (this instance's HTTP port)"
                  + " is not set"
              : "Send method not warmed over HTTP: the API's context path is not known");
      return;
    }
    Optional<String> someone;
    Optional<String> token;
    try {
      someone = users.anyActiveId();
      token = someone.flatMap(tokens::issueWarmUpToken);
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.WARNING, "Send method warm-up not run; carrying on", e);
      return;
    }
    if (token.isEmpty()) {
      LOGGER.log(
          System.Logger.Level.INFO,
          someone.isEmpty()
              ? "Send method not warmed over HTTP: no account yet"
              : "Send method not warmed over HTTP: the token cache is away");
      return;
    }
    long start = System.nanoTime();
    try {
      URI send =
          URI.create(
              "http://127.0.0.1:"
                  + port.get()
                  + contextPath
                  + "/v1/rooms/"
                  + nowhere()
                  + "/chatMessages");
      Duration left = MAX_WAIT.minusNanos(System.nanoTime() - startedAt);
      List<Integer> answers = SelfRequests.post(send, token.get(), REQUESTS, left);
      LOGGER.log(
          System.Logger.Level.INFO,
          String.format(
              "Send method warmed up over HTTP: %d requests for a room that exists nowhere,"
                  + " answered %s, in %d ms",
              answers.size(), answers, (System.nanoTime() - start) / 1_000_000));
    } catch (InterruptedException e) {
      LOGGER.log(System.Logger.Level.INFO, "Send method warm-up interrupted (stopping)");
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOGGER.log(System.Logger.Level.WARNING, "Send method warm-up failed; carrying on", e);
    } finally {
      cleanUp("its token", () -> tokens.forgetWarmUpToken(token.get()));
      cleanUp(
          "its rate-limit window",
          () -> limits.forget(RateLimitFilter.key(someone.get(), Tokens.WARM_UP_CLIENT)));
    }
  }

  /** Each part of the clean-up on its own: one failing must not keep the other from running. */
  private static void cleanUp(String what, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.WARNING, "Send method warm-up could not drop " + what, e);
    }
  }

  /** A room id of the usual shape that no room has (random, as an ObjectId's 12 bytes). */
  private static String nowhere() {
    byte[] id = new byte[12];
    new SecureRandom().nextBytes(id);
    return HexFormat.of().formatHex(id);
  }

  @Produces
  @Readiness
  HealthCheck warmedUpCheck() {
    return () -> HealthCheckResponse.named("warmed-up").status(warmedUp()).build();
  }
}
