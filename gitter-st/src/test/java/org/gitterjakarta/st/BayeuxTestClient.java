package org.gitterjakarta.st;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A Bayeux client written from the protocol, for black-box tests: long-polling (HTTP POSTs, with a
 * {@code /meta/connect} loop in the background) or one websocket. Every message the server sends,
 * replies and deliveries alike, lands in one queue the test reads.
 */
final class BayeuxTestClient implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI endpoint;
  private final boolean websocket;
  private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final List<JsonObject> seen = new ArrayList<>();
  // The JDK websocket refuses a send while another is outstanding, and the listener thread sends
  // the next /meta/connect while the test thread may be subscribing.
  private final Object sending = new Object();
  private volatile String clientId;
  private volatile boolean open = true;
  private WebSocket socket;
  private Thread poller;

  private BayeuxTestClient(URI endpoint, boolean websocket) {
    this.endpoint = endpoint;
    this.websocket = websocket;
  }

  static BayeuxTestClient longPolling(GitterProcess gitter) {
    return new BayeuxTestClient(gitter.uri("/bayeux/"), false);
  }

  static BayeuxTestClient websocket(GitterProcess gitter) {
    var client = new BayeuxTestClient(gitter.uri("/bayeux/"), true);
    StringBuilder frame = new StringBuilder();
    client.socket =
        HTTP.newWebSocketBuilder()
            .buildAsync(
                URI.create(gitter.uri("/bayeux/").toString().replaceFirst("^http", "ws")),
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    frame.append(data);
                    if (last) {
                      client.accept(frame.toString());
                      frame.setLength(0);
                    }
                    ws.request(1);
                    return null;
                  }

                  @Override
                  public void onError(WebSocket ws, Throwable error) {
                    System.err.println("Bayeux test websocket failed: " + error);
                  }
                })
            .join();
    return client;
  }

  /** Handshakes (with {@code ext.token} unless null); the reply. */
  JsonObject handshake(String token) {
    JsonObjectBuilder message =
        Json.createObjectBuilder()
            .add("channel", "/meta/handshake")
            .add("version", "1.0")
            .add(
                "supportedConnectionTypes",
                Json.createArrayBuilder().add(websocket ? "websocket" : "long-polling"));
    if (token != null) {
      message.add("ext", Json.createObjectBuilder().add("token", token));
    }
    JsonObject reply = request(message);
    if (reply.getBoolean("successful", false)) {
      clientId = reply.getString("clientId");
      connect();
    }
    return reply;
  }

  String clientId() {
    return clientId;
  }

  /** Subscribes; {@code snapshot} is the ext.snapshot to send, or null for none given. */
  JsonObject subscribe(String channel, JsonValue snapshot) {
    JsonObjectBuilder message =
        Json.createObjectBuilder().add("channel", "/meta/subscribe").add("subscription", channel);
    if (snapshot != null) {
      message.add("ext", Json.createObjectBuilder().add("snapshot", snapshot));
    }
    return request(message);
  }

  JsonObject publish(String channel, JsonObject data) {
    return request(Json.createObjectBuilder().add("channel", channel).add("data", data));
  }

  /** The next delivery on {@code channel} whose data matches, waiting up to 10 s. */
  JsonObject await(String channel, Predicate<JsonObject> data) {
    return next(
        m ->
            channel.equals(m.getString("channel", null))
                && m.containsKey("data")
                && data.test(m.getJsonObject("data")),
        10_000);
  }

  /** Whether a delivery on {@code channel} arrives within {@code millis}. */
  boolean hears(String channel, long millis) {
    return hears(channel, millis, data -> true);
  }

  /** Whether a delivery on {@code channel} whose data matches arrives within {@code millis}. */
  boolean hears(String channel, long millis, Predicate<JsonObject> data) {
    try {
      next(
          m ->
              channel.equals(m.getString("channel", null))
                  && m.containsKey("data")
                  && data.test(m.getJsonObject("data")),
          millis);
      return true;
    } catch (AssertionError none) {
      return false;
    }
  }

  private JsonObject request(JsonObjectBuilder message) {
    String id = String.valueOf(ids.incrementAndGet());
    message.add("id", id);
    if (clientId != null) {
      message.add("clientId", clientId);
    }
    send(Json.createArrayBuilder().add(message).build());
    return next(m -> id.equals(m.getString("id", null)), 10_000);
  }

  private void connect() {
    JsonObject connect =
        Json.createObjectBuilder()
            .add("channel", "/meta/connect")
            .add("clientId", clientId)
            .add("connectionType", websocket ? "websocket" : "long-polling")
            .build();
    if (websocket) {
      send(Json.createArrayBuilder().add(connect).build());
      return;
    }
    poller =
        new Thread(
            () -> {
              while (open) {
                try {
                  send(Json.createArrayBuilder().add(connect).build());
                } catch (RuntimeException e) {
                  if (open) {
                    GitterProcess.sleep(200);
                  }
                }
              }
            });
    poller.setDaemon(true);
    poller.start();
  }

  private void send(JsonArray batch) {
    if (websocket) {
      synchronized (sending) {
        socket.sendText(batch.toString(), true).join();
      }
      return;
    }
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(endpoint)
                  .timeout(Duration.ofSeconds(150))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(batch.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      accept(response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void accept(String body) {
    var reader = Json.createReader(new StringReader(body));
    JsonValue value = reader.readValue();
    List<JsonObject> messages =
        value instanceof JsonArray array
            ? array.getValuesAs(JsonObject.class)
            : List.of(value.asJsonObject());
    for (JsonObject message : messages) {
      received.add(message);
      if (websocket && "/meta/connect".equals(message.getString("channel", null)) && open) {
        connect();
      }
    }
  }

  private JsonObject next(Predicate<JsonObject> wanted, long millis) {
    long deadline = System.currentTimeMillis() + millis;
    synchronized (seen) {
      for (JsonObject message : seen) {
        if (wanted.test(message)) {
          seen.remove(message);
          return message;
        }
      }
    }
    try {
      while (System.currentTimeMillis() < deadline) {
        JsonObject message = received.poll(50, TimeUnit.MILLISECONDS);
        if (message == null) {
          continue;
        }
        if (wanted.test(message)) {
          return message;
        }
        synchronized (seen) {
          seen.add(message);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError("Nothing matching arrived; seen " + seen);
  }

  @Override
  public void close() {
    open = false;
    if (clientId != null) {
      try {
        send(
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("channel", "/meta/disconnect")
                        .add("clientId", clientId))
                .build());
      } catch (RuntimeException ignored) {
        // the server may already have dropped the client
      }
    }
    if (socket != null) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
  }
}
