package org.gitterjakarta.ws.realtime;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerSession;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.gitterjakarta.events.boundary.LiveSubscription;
import org.gitterjakarta.unread.entity.UnreadBatch;

/**
 * Runs this instance's fan-out path before it reports ready. A fresh JVM runs its first thousands
 * of deliveries interpreted: a restarted instance's first messages reached 1,000 subscribers with a
 * p99 of 0.8 to 2 s against 0.1 s warm, and three seconds of that traffic first brought it to 1.1×
 * (gitter-bench, issue 18).
 *
 * <p>Once this instance's HTTP listener answers, {@value #SOCKETS} anonymous websocket clients of
 * its own subscribe to a channel made for the warm-up alone (a random name, admitted only until
 * these clients are in: {@link #admits}) and receive {@value #MESSAGES} chat-sized events through
 * the path of live events: CometD's publish, each client's queue and sequence number, Tyrus'
 * frames; then a big room's unread batches, expanded for nobody. Nothing is stored or counted as a
 * delivery (the socket gauge sees the clients while they last). It needs the instance's own port
 * ({@code gitter.warm-up.port}, set by {@code ./gitter run}); without it, or with {@code
 * gitter.warm-up=false}, it does not run. A failure is logged and counts as done, and readiness
 * stops waiting after {@link #MAX_WAIT}.
 */
@ApplicationScoped
public class RealtimeWarmUp {

  private static final System.Logger LOGGER = System.getLogger(RealtimeWarmUp.class.getName());

  static final int SOCKETS = 50;
  static final int MESSAGES = 300;

  /** Unread batches of a room of {@value #UNREAD_PEOPLE}, as a message there brings one each. */
  static final int UNREAD_BATCHES = 30;

  static final int UNREAD_PEOPLE = 1_000;

  /** Messages published ahead of what all clients together have counted: keeps the path busy. */
  static final int IN_FLIGHT = 4;

  /** Far longer than the warm-up takes (2-4 s here), short enough for a deployment to wait. */
  static final Duration MAX_WAIT = Duration.ofSeconds(60);

  static final Duration STEP_TIMEOUT = Duration.ofSeconds(10);

  /** In each warm-up event, where the clients count them. */
  static final String MARK = "gitter-warm-up-event";

  @Inject
  @ConfigProperty(name = "gitter.warm-up")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "gitter.warm-up.port")
  Optional<Integer> port;

  @Inject LiveFanout fanout;

  private volatile boolean done;
  private volatile long startedAt = System.nanoTime();
  private volatile String openChannel;

  /** Starts the warm-up beside the deployment; {@code contextPath} is this WAR's. */
  void start(BayeuxServer bayeux, String contextPath) {
    startedAt = System.nanoTime();
    if (!enabled || port.isEmpty()) {
      if (enabled) {
        LOGGER.log(
            System.Logger.Level.INFO,
            "Realtime warm-up not run: gitter.warm-up.port (this instance's HTTP port) is not set");
      }
      done = true;
      return;
    }
    URI endpoint = URI.create("ws://127.0.0.1:" + port.get() + contextPath + "/");
    try {
      defaultExecutor().execute(() -> warm(bayeux, endpoint));
    } catch (NamingException | RejectedExecutionException e) {
      LOGGER.log(System.Logger.Level.WARNING, "Realtime warm-up not started", e);
      done = true;
    }
  }

  /**
   * Looked up, not injected: this bean is created for its readiness check as the application
   * starts, and in an EAR on Payara Server the web module's {@code java:comp} is not bound then.
   */
  private static ManagedExecutorService defaultExecutor() throws NamingException {
    return (ManagedExecutorService)
        new InitialContext().lookup("java:comp/DefaultManagedExecutorService");
  }

  /** Whether a client may create and subscribe to this channel: the warm-up's, until it is full. */
  boolean admits(String channelId) {
    String open = openChannel;
    return open != null && open.equals(channelId);
  }

  void admitOnly(String channelId) {
    openChannel = channelId;
  }

  /** Done, or given up on: a warm-up that never ran must not keep the instance out of service. */
  boolean warmedUp() {
    return done || System.nanoTime() - startedAt > MAX_WAIT.toNanos();
  }

  private void warm(BayeuxServer bayeux, URI endpoint) {
    String channelId = "/gitter/warm-up/" + randomHex();
    List<WarmUpClient> clients = new ArrayList<>();
    AtomicLong received = new AtomicLong();
    long start = System.nanoTime();
    try {
      admitOnly(channelId); // its first client creates it, as any subscriber would
      HttpClient http = HttpClient.newHttpClient();
      awaitListener(http, endpoint, channelId, received, clients);
      for (int i = clients.size(); i < SOCKETS; i++) {
        WarmUpClient client = new WarmUpClient(channelId, MARK, received);
        clients.add(client);
        client.subscribe(http, endpoint, STEP_TIMEOUT);
      }
      admitOnly(null); // every client is in: no one else may join
      String event = event();
      for (int m = 0; m < MESSAGES; m++) {
        fanout.publishUncounted(channelId, event);
        await(received, (long) Math.max(0, m + 1 - IN_FLIGHT) * SOCKETS);
      }
      await(received, (long) MESSAGES * SOCKETS);
      expandUnreadBatches();
      LOGGER.log(
          System.Logger.Level.INFO,
          String.format(
              "Realtime path warmed up: %d deliveries to %d sockets, %d unread batches of %d"
                  + " people, in %d ms",
              received.get(),
              SOCKETS,
              UNREAD_BATCHES,
              UNREAD_PEOPLE,
              (System.nanoTime() - start) / 1_000_000));
    } catch (InterruptedException e) {
      LOGGER.log(System.Logger.Level.INFO, "Realtime warm-up interrupted (stopping)");
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOGGER.log(
          System.Logger.Level.WARNING,
          "Realtime warm-up failed after " + received.get() + " deliveries; carrying on",
          e);
    } finally {
      admitOnly(null);
      clients.forEach(WarmUpClient::close);
      endSessions(bayeux, channelId);
      done = true;
    }
  }

  /**
   * The first client, tried until this instance's listener takes it: the listener answers only once
   * every WAR of the instance is deployed. Any other failure (a refused handshake) ends it.
   */
  private static void awaitListener(
      HttpClient http,
      URI endpoint,
      String channelId,
      AtomicLong received,
      List<WarmUpClient> clients)
      throws Exception {
    long giveUp = System.nanoTime() + MAX_WAIT.toNanos();
    while (true) {
      WarmUpClient first = new WarmUpClient(channelId, MARK, received);
      try {
        first.subscribe(http, endpoint, STEP_TIMEOUT);
        clients.add(first);
        return;
      } catch (ExecutionException | TimeoutException notYet) {
        first.close();
        if (!listenerNotUp(notYet) || System.nanoTime() > giveUp) {
          throw notYet;
        }
        Thread.sleep(100);
      }
    }
  }

  private static boolean listenerNotUp(Exception failure) {
    Throwable cause = failure instanceof ExecutionException ? failure.getCause() : failure;
    // refused or reset while starting, or a 404 before the context is mapped
    return cause instanceof IOException || cause instanceof TimeoutException;
  }

  private static void await(AtomicLong received, long atLeast) throws InterruptedException {
    long giveUp = System.nanoTime() + STEP_TIMEOUT.toNanos();
    while (received.get() < atLeast) {
      if (System.nanoTime() > giveUp) {
        throw new IllegalStateException(
            "warm-up events not delivered: " + received.get() + " of " + atLeast);
      }
      Thread.sleep(1);
    }
  }

  /** Sessions a client left behind (one that failed half-way) go with the warm-up. */
  private static void endSessions(BayeuxServer bayeux, String channelId) {
    ServerChannel channel = bayeux.getChannel(channelId);
    if (channel != null) {
      for (ServerSession session : List.copyOf(channel.getSubscribers())) {
        if (!session.isLocalSession()) {
          session.disconnect();
        }
      }
      channel.remove();
    }
  }

  /**
   * A big room's unread change ({@link UnreadBatch}) expanded as each new message's is: it is
   * parsed and each person's channels looked up on the thread that delivers every live event, so
   * while that ran interpreted on a fresh instance the room's own messages waited behind it. Its
   * people exist nowhere ({@code warm-up:<random>:<n>}): nothing is delivered.
   */
  private void expandUnreadBatches() {
    String roomId = "warm-up:" + randomHex();
    String messageId = "5f0c0ffee0ddba11c0ffee00";
    List<UnreadBatch.Person> people = new ArrayList<>(UNREAD_PEOPLE);
    for (int i = 0; i < UNREAD_PEOPLE; i++) {
      people.add(new UnreadBatch.Person(roomId + ":" + i, false, 1, 0));
    }
    var ids = List.of(messageId);
    String batch = new UnreadBatch(roomId, true, ids, ids, people, List.of(), null).toJson();
    for (int b = 0; b < UNREAD_BATCHES; b++) {
      fanout.deliver(
          new LiveSubscription.Live(UnreadBatch.CHANNEL, batch, System.currentTimeMillis()));
    }
  }

  /** A chat message's create event of the usual size; its text carries the {@link #MARK}. */
  private static String event() {
    return "{\"operation\":\"create\",\"model\":{\"id\":\"5f0c0ffee0ddba11c0ffee00\","
        + "\"text\":\"Warming up the realtime path: "
        + MARK
        + "\",\"html\":\"Warming up the <strong>realtime</strong> path\",\"sent\":\"2026-01-01T00:00:00.000Z\",\"editedAt\":null,"
        + "\"fromUser\":{\"id\":\"5f0c0ffee0ddba11c0ffee01\",\"username\":\"warm-up\","
        + "\"displayName\":\"Warm-up\",\"url\":\"/warm-up\","
        + "\"avatarUrl\":\"/avatars/warm-up\",\"avatarUrlSmall\":\"/avatars/warm-up?s=60\","
        + "\"avatarUrlMedium\":\"/avatars/warm-up?s=128\",\"v\":1},"
        + "\"unread\":true,\"readBy\":0,\"urls\":[],\"mentions\":[],\"issues\":[],\"meta\":[],"
        + "\"v\":1}}";
  }

  private static String randomHex() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Produces
  @Readiness
  HealthCheck realtimeWarmedUpCheck() {
    return () -> HealthCheckResponse.named("realtime-warmed-up").status(warmedUp()).build();
  }
}
