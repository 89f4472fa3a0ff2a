package org.gitterjakarta.testsupport.bayeux;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A Bayeux client as Faye clients speak it: handshake (with {@code ext.token}), subscribe (with
 * {@code ext.snapshot}), publish, and the {@code /meta/connect} loop, each connect in a frame of
 * its own (Faye answers a batch only once all of it is answered, and a connect is held until there
 * is something to deliver). Replies are matched to requests by id.
 *
 * <p>Deliveries either go to an inbox that {@link #await} and {@link #hears} read, or, with a
 * scanner, are handed over as raw frames and never parsed: thousands of clients receive every
 * message, and parsing each copy would make the load generator the bottleneck.
 */
public final class BayeuxClient implements AutoCloseable {

  static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);
  static final long RECONNECT_PAUSE_MILLIS = 200;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Consumer<String> scanner;
  private final Inbox inbox = new Inbox();
  private final Map<String, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
  private final CompletableFuture<Throwable> lost = new CompletableFuture<>();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile Transport transport;
  private volatile String clientId;
  private volatile boolean closing;

  private BayeuxClient(Consumer<String> scanner) {
    this.scanner = scanner;
  }

  /** A long-polling client of {@code endpoint} (e.g. {@code http://host:port/bayeux/}). */
  public static BayeuxClient longPolling(URI endpoint) {
    var client = new BayeuxClient(null);
    client.transport = new LongPolling(HTTP, endpoint, client::receive);
    return client;
  }

  /** A websocket client of {@code endpoint} (http or ws), connected; deliveries go to its inbox. */
  public static BayeuxClient websocket(URI endpoint) {
    return websocket(HTTP, endpoint, null).join();
  }

  /**
   * A websocket client through {@code http}; with a {@code scanner}, every frame goes to it and
   * only frames with meta replies are parsed.
   */
  public static CompletableFuture<BayeuxClient> websocket(
      HttpClient http, URI endpoint, Consumer<String> scanner) {
    var client = new BayeuxClient(scanner);
    URI uri = URI.create(endpoint.toString().replaceFirst("^http", "ws"));
    return WebSocketTransport.open(http, uri, client::receive, client::lose)
        .thenApply(
            transport -> {
              client.transport = transport;
              return client;
            });
  }

  /**
   * A websocket client of {@code endpoint} whose socket can be left unread ({@link #stopReading}),
   * connected; deliveries go to its inbox until then.
   */
  public static BayeuxClient stalling(URI endpoint) {
    var client = new BayeuxClient(null);
    URI uri = URI.create(endpoint.toString().replaceFirst("^http", "ws"));
    client.transport = StallingWebSocket.open(uri, client::receive, client::lose);
    return client;
  }

  /**
   * Opens a websocket client, handshakes with {@code token} and subscribes to {@code channel};
   * fails, and drops the socket, when either is refused or the server does not answer in time.
   */
  public static CompletableFuture<BayeuxClient> subscriber(
      HttpClient http, URI endpoint, String token, String channel, Consumer<String> scanner) {
    return websocket(http, endpoint, scanner)
        .thenCompose(
            client ->
                client
                    .handshakeAsync(token)
                    .thenApply(Messages::successful)
                    .thenCompose(handshake -> client.subscribeAsync(channel, null))
                    .thenApply(Messages::successful)
                    .orTimeout(60, TimeUnit.SECONDS)
                    .whenComplete((ok, failure) -> client.abortIf(failure))
                    .thenApply(ok -> client));
  }

  /** Handshakes (with {@code ext.token} unless null) and starts connecting; the reply. */
  public JsonObject handshake(String token) {
    return reply(handshakeAsync(token));
  }

  public CompletableFuture<JsonObject> handshakeAsync(String token) {
    return handshakeWithAsync(
        token == null ? null : Json.createObjectBuilder().add("token", token).build());
  }

  /**
   * Handshakes with this {@code ext} (any fields, of any type) and starts connecting; the reply.
   */
  public JsonObject handshakeWith(JsonObject ext) {
    return reply(handshakeWithAsync(ext));
  }

  public CompletableFuture<JsonObject> handshakeWithAsync(JsonObject ext) {
    return request(Messages.handshake(transport.connectionType(), ext))
        .thenApply(
            reply -> {
              if (reply.getBoolean("successful", false)) {
                clientId = reply.getString("clientId");
                connect();
              }
              return reply;
            });
  }

  /** Subscribes; {@code snapshot} is the {@code ext.snapshot} to send, or null for none. */
  public JsonObject subscribe(String channel, JsonValue snapshot) {
    return reply(subscribeAsync(channel, snapshot));
  }

  public CompletableFuture<JsonObject> subscribeAsync(String channel, JsonValue snapshot) {
    return request(Messages.subscribe(channel, snapshot));
  }

  public JsonObject publish(String channel, JsonObject data) {
    return reply(request(Messages.publish(channel, data)));
  }

  public String clientId() {
    return clientId;
  }

  /** The next delivery on {@code channel} whose data matches, waiting up to 10 s. */
  public JsonObject await(String channel, Predicate<JsonObject> data) {
    return inbox
        .take(delivery(channel, data), REPLY_TIMEOUT.toMillis())
        .orElseThrow(() -> new AssertionError("Nothing matching arrived; seen " + inbox));
  }

  /** The next delivery on {@code channel}, if one arrives within {@code millis}. */
  public java.util.Optional<JsonObject> next(String channel, long millis) {
    return inbox.take(delivery(channel, data -> true), millis);
  }

  /** Whether a delivery on {@code channel} arrives within {@code millis}. */
  public boolean hears(String channel, long millis) {
    return hears(channel, millis, data -> true);
  }

  /** Whether a delivery on {@code channel} whose data matches arrives within {@code millis}. */
  public boolean hears(String channel, long millis, Predicate<JsonObject> data) {
    return inbox.take(delivery(channel, data), millis).isPresent();
  }

  /**
   * Stops taking frames off the socket (a client made by {@link #stalling} only); how many payload
   * bytes it had taken until then.
   */
  public long stopReading() {
    if (!(transport instanceof StallingWebSocket stalling)) {
      throw new IllegalStateException("only a stalling client stops reading");
    }
    stalling.stopReading();
    return stalling.received();
  }

  /** Payload bytes taken off the socket so far (a client made by {@link #stalling} only). */
  public long received() {
    if (!(transport instanceof StallingWebSocket stalling)) {
      throw new IllegalStateException("only a stalling client counts what it read");
    }
    return stalling.received();
  }

  /** Completes with the cause when the server or the network ends the connection. */
  public CompletableFuture<Throwable> lost() {
    return lost;
  }

  /** Disconnects and closes; completes when done, within 10 s (else the socket is dropped). */
  public CompletableFuture<Void> closeAsync() {
    closing = true;
    CompletableFuture<Void> disconnect =
        clientId == null
            ? CompletableFuture.completedFuture(null)
            : transport
                .send(Messages.disconnect(clientId))
                // the server may already have dropped the client
                .exceptionally(e -> null);
    return disconnect
        .thenCompose(x -> transport.close())
        .orTimeout(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
        .whenComplete((ok, failure) -> abortIf(failure));
  }

  @Override
  public void close() {
    closeAsync().exceptionally(e -> null).join();
  }

  /**
   * Drops the connection at once, without waiting for the server's answer to a close: a load
   * generator that closes thousands of clients gets their sockets back now, not when each server
   * answers.
   */
  public void abort() {
    closing = true;
    transport.abort();
  }

  private CompletableFuture<JsonObject> request(JsonObjectBuilder message) {
    String id = String.valueOf(ids.incrementAndGet());
    message.add("id", id);
    if (clientId != null) {
      message.add("clientId", clientId);
    }
    var reply = new CompletableFuture<JsonObject>();
    pending.put(id, reply);
    transport
        .send("[" + message.build() + "]")
        .whenComplete(
            (sent, failure) -> {
              if (failure != null) {
                reply.completeExceptionally(failure);
              }
            });
    return reply.whenComplete((r, e) -> pending.remove(id));
  }

  /** The next connect, sent when the last one was answered (the server holds each a while). */
  private void connect() {
    if (closing) {
      return;
    }
    transport
        .send(Messages.connect(clientId, transport.connectionType(), ids.incrementAndGet()))
        .exceptionally(
            failure -> {
              // a long-poll that failed in the network: poll again, as Faye clients do
              if (!closing && !lost.isDone()) {
                CompletableFuture.delayedExecutor(RECONNECT_PAUSE_MILLIS, TimeUnit.MILLISECONDS)
                    .execute(this::connect);
              }
              return null;
            });
  }

  private void receive(String frame) {
    if (scanner != null) {
      scanner.accept(frame);
      if (!frame.contains("\"/meta/")) {
        return;
      }
    }
    for (JsonObject message : Messages.parse(frame)) {
      boolean successful = message.getBoolean("successful", false);
      if ("/meta/connect".equals(message.getString("channel", null))) {
        if (successful) {
          connect();
        }
        continue;
      }
      // only replies carry "successful"; a delivery's own id is the publisher's, not ours
      var reply =
          message.containsKey("successful") ? pending.get(message.getString("id", "")) : null;
      if (reply != null) {
        reply.complete(message);
      } else if (scanner == null && message.containsKey("data")) {
        inbox.add(message);
      }
    }
  }

  private void lose(Throwable cause) {
    pending.values().forEach(reply -> reply.completeExceptionally(cause));
    if (!closing) {
      lost.complete(cause);
    }
  }

  private void abortIf(Throwable failure) {
    if (failure != null) {
      closing = true;
      transport.abort();
    }
  }

  private static Predicate<JsonObject> delivery(String channel, Predicate<JsonObject> data) {
    return m -> channel.equals(m.getString("channel", null)) && data.test(m.getJsonObject("data"));
  }

  private static JsonObject reply(CompletableFuture<JsonObject> reply) {
    try {
      return reply.get(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("no reply within " + REPLY_TIMEOUT.toSeconds() + " s", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("no reply: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
