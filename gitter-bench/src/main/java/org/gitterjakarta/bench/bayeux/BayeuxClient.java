package org.gitterjakarta.bench.bayeux;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Bayeux client over one websocket, as Faye clients speak it: handshake (with {@code
 * ext.token}), one subscription, then the {@code /meta/connect} loop. Works against CometD
 * (gitter-jakarta) and Faye alike.
 */
final class BayeuxClient implements WebSocket.Listener {

  private final Deliveries deliveries;
  private final Runnable onLost;
  private final StringBuilder frame = new StringBuilder();
  private final CompletableFuture<String> handshake = new CompletableFuture<>();
  private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
  private final AtomicInteger ids = new AtomicInteger();
  // The JDK websocket refuses a send while another is outstanding: sends are chained, never blocked
  private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
  private volatile WebSocket socket;
  private volatile String clientId;
  private volatile boolean closing;

  private BayeuxClient(Deliveries deliveries, Runnable onLost) {
    this.deliveries = deliveries;
    this.onLost = onLost;
  }

  /** Connects, handshakes and subscribes; completes when the subscription is confirmed. */
  static CompletableFuture<BayeuxClient> open(
      HttpClient http,
      URI uri,
      String token,
      String channel,
      Deliveries deliveries,
      Runnable onLost) {
    var client = new BayeuxClient(deliveries, onLost);
    return http.newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(30))
        .buildAsync(uri, client)
        .thenCompose(
            ws -> {
              client.socket = ws;
              client.send(client.handshakeMessage(token));
              return client.handshake;
            })
        .thenCompose(
            id -> {
              // separate frames: Faye answers a batch only when all of it is answered, and a
              // /meta/connect is held until there is something to deliver
              client.send("[" + client.connectMessage() + "]");
              client.send("[" + client.subscribeMessage(channel) + "]");
              return client.subscribed;
            })
        .orTimeout(60, TimeUnit.SECONDS)
        .whenComplete(
            (ok, failure) -> {
              if (failure != null) client.abort();
            })
        .thenApply(ok -> client);
  }

  private String handshakeMessage(String token) {
    return Json.createArrayBuilder()
        .add(
            Json.createObjectBuilder()
                .add("channel", "/meta/handshake")
                .add("version", "1.0")
                .add("supportedConnectionTypes", Json.createArrayBuilder().add("websocket"))
                .add("id", "" + ids.incrementAndGet())
                .add("ext", Json.createObjectBuilder().add("token", token)))
        .build()
        .toString();
  }

  private String subscribeMessage(String channel) {
    return Json.createObjectBuilder()
        .add("channel", "/meta/subscribe")
        .add("clientId", clientId)
        .add("subscription", channel)
        .add("id", "" + ids.incrementAndGet())
        .build()
        .toString();
  }

  private String connectMessage() {
    return "{\"channel\":\"/meta/connect\",\"clientId\":\""
        + clientId
        + "\",\"connectionType\":\"websocket\",\"id\":\""
        + ids.incrementAndGet()
        + "\"}";
  }

  private void send(String text) {
    synchronized (this) {
      lastSend = lastSend.handle((r, e) -> null).thenCompose(x -> socket.sendText(text, true));
    }
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    frame.append(data);
    if (last) {
      String text = frame.toString();
      frame.setLength(0);
      deliveries.scan(text);
      if (text.contains("\"/meta/")) {
        onMeta(text);
      }
    }
    webSocket.request(1);
    return null;
  }

  /** Replies to our own meta messages: rare, so they are parsed properly. */
  private void onMeta(String text) {
    JsonValue value = Json.createReader(new StringReader(text)).readValue();
    List<JsonObject> messages =
        value.getValueType() == JsonValue.ValueType.ARRAY
            ? ((JsonArray) value).getValuesAs(JsonObject.class)
            : List.of(value.asJsonObject());
    for (JsonObject message : messages) {
      String channel = message.getString("channel", "");
      boolean ok = message.getBoolean("successful", false);
      switch (channel) {
        case "/meta/handshake" -> {
          if (ok) {
            clientId = message.getString("clientId");
            handshake.complete(clientId);
          } else {
            handshake.completeExceptionally(
                new IllegalStateException("handshake refused: " + message));
          }
        }
        case "/meta/subscribe" -> {
          if (ok) {
            subscribed.complete(null);
          } else {
            subscribed.completeExceptionally(
                new IllegalStateException("subscribe refused: " + message));
          }
        }
        case "/meta/connect" -> {
          if (ok && !closing) {
            send("[" + connectMessage() + "]");
          }
        }
        default -> {
          // disconnect replies and the like
        }
      }
    }
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    lost(new IllegalStateException("closed by the server: " + statusCode + " " + reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    lost(error);
  }

  private void lost(Throwable why) {
    handshake.completeExceptionally(why);
    subscribed.completeExceptionally(why);
    if (!closing && subscribed.isDone() && !subscribed.isCompletedExceptionally()) {
      onLost.run();
    }
  }

  /** Disconnects and closes the socket; completes when the close was sent. */
  CompletableFuture<?> close() {
    closing = true;
    if (clientId != null) {
      send("[{\"channel\":\"/meta/disconnect\",\"clientId\":\"" + clientId + "\"}]");
    }
    CompletableFuture<?> done;
    synchronized (this) {
      done =
          lastSend
              .handle((r, e) -> null)
              .thenCompose(x -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
      lastSend = done;
    }
    return done.orTimeout(10, TimeUnit.SECONDS)
        .whenComplete(
            (r, e) -> {
              if (e != null) abort();
            });
  }

  private void abort() {
    closing = true;
    if (socket != null) {
      socket.abort();
    }
  }
}
