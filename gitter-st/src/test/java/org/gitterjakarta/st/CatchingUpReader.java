package org.gitterjakarta.st;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.gitterjakarta.testsupport.Pause;
import org.gitterjakarta.testsupport.bayeux.BayeuxClient;
import org.gitterjakarta.testsupport.http.Http;

/**
 * A realtime reader of one room as Gitter's clients are: over a websocket, and when the connection
 * is lost it connects again (through the proxy), subscribes again and catches up from the room's
 * latest history. It counts what it hears live, so that a test can tell a message missed from a
 * message delivered twice.
 */
final class CatchingUpReader implements AutoCloseable {

  private final URI proxy;
  private final String token;
  private final String roomId;
  private final String channel;

  /** Message id → how often it was heard live. */
  final Map<String, Integer> heardLive = new ConcurrentHashMap<>();

  /** Every message id the reader has, live or caught up. */
  final Set<String> has = ConcurrentHashMap.newKeySet();

  final AtomicInteger reconnects = new AtomicInteger();

  private volatile BayeuxClient client;
  private volatile boolean closed;
  private final Thread loop;

  /** Connects first to {@code first} (one instance), later always through {@code proxy}. */
  CatchingUpReader(URI first, URI proxy, String token, String roomId) {
    this.proxy = proxy;
    this.token = token;
    this.roomId = roomId;
    this.channel = "/api/v1/rooms/" + roomId + "/chatMessages";
    this.client = subscribed(first);
    this.loop = new Thread(this::read, "reader-" + roomId);
    loop.setDaemon(true);
    loop.start();
  }

  private BayeuxClient subscribed(URI endpoint) {
    BayeuxClient fresh = BayeuxClient.websocket(endpoint.resolve("/bayeux/"));
    JsonObject shaken = fresh.handshake(token);
    if (!shaken.getBoolean("successful", false)) {
      fresh.close();
      throw new IllegalStateException("handshake refused: " + shaken);
    }
    JsonObject subscribed = fresh.subscribe(channel, JsonValue.NULL);
    if (!subscribed.getBoolean("successful", false)) {
      fresh.close();
      throw new IllegalStateException("subscription refused: " + subscribed);
    }
    return fresh;
  }

  private void read() {
    while (!closed) {
      BayeuxClient current = client;
      if (current.lost().isDone()) {
        reconnect();
        continue;
      }
      current.next(channel, 250).ifPresent(this::heard);
    }
  }

  private void heard(JsonObject delivery) {
    JsonObject data = delivery.getJsonObject("data");
    if (!"create".equals(data.getString("operation", ""))) {
      return;
    }
    String id = data.getJsonObject("model").getString("id");
    heardLive.merge(id, 1, Integer::sum);
    has.add(id);
  }

  /** Again through the proxy until it works (the instance may be gone), then the history since. */
  private void reconnect() {
    reconnects.incrementAndGet();
    client.closeAsync().exceptionally(e -> null);
    long deadline = System.nanoTime() + 90_000_000_000L;
    while (!closed && System.nanoTime() < deadline) {
      try {
        client = subscribed(proxy);
        catchUp();
        return;
      } catch (RuntimeException | AssertionError notYet) {
        Pause.sleep(300);
      }
    }
    throw new IllegalStateException("could not reconnect within 90 s");
  }

  /**
   * The latest 100 messages, merged by id. Not {@code afterId} of the last one heard: ids made in
   * the same second by two API instances do not sort in the order they were sent.
   */
  private void catchUp() {
    HttpResponse<String> history =
        Http.send(
            Http.apiRequest(
                proxy.resolve("/api/v1/rooms/" + roomId + "/chatMessages?limit=100"),
                "GET",
                token,
                null));
    if (history.statusCode() != 200) {
      throw new IllegalStateException("history: " + history.statusCode());
    }
    for (JsonValue message : Http.array(history)) {
      has.add(message.asJsonObject().getString("id"));
    }
  }

  /** Message ids heard live more than once. */
  Set<String> duplicates() {
    Set<String> twice = ConcurrentHashMap.newKeySet();
    heardLive.forEach(
        (id, times) -> {
          if (times > 1) {
            twice.add(id);
          }
        });
    return twice;
  }

  @Override
  public void close() {
    closed = true;
    try {
      loop.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    client.closeAsync().exceptionally(e -> null);
  }
}
