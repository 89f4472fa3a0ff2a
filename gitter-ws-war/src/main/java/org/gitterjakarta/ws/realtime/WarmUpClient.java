package org.gitterjakarta.ws.realtime;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Bayeux websocket client of the {@link RealtimeWarmUp}: handshakes anonymously, keeps a {@code
 * /meta/connect} pending as Faye's clients do, subscribes to the warm-up channel and counts the
 * warm-up events it receives (by their mark, without parsing them: the client's work should stay
 * small beside the server's).
 */
final class WarmUpClient implements WebSocket.Listener {

  private final String channel;
  private final String mark;
  private final AtomicLong received;
  private final StringBuilder partial = new StringBuilder();
  private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
  private volatile WebSocket socket;
  private volatile String clientId;
  private volatile boolean closing;
  private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);

  WarmUpClient(String channel, String mark, AtomicLong received) {
    this.channel = channel;
    this.mark = mark;
    this.received = received;
  }

  /** Opens the socket and subscribes; fails when either does not happen within {@code timeout}. */
  void subscribe(HttpClient http, URI endpoint, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    CompletableFuture<WebSocket> opening =
        http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(endpoint, this);
    try {
      socket = opening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException late) {
      opening.thenAccept(WebSocket::abort); // should it open after all
      throw late;
    }
    send(
        "[{\"id\":\"1\",\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
            + "\"supportedConnectionTypes\":[\"websocket\"]}]");
    subscribed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Says goodbye (CometD drops the session at once) and closes the socket. */
  void close() {
    closing = true;
    WebSocket open = socket;
    if (open == null) {
      return;
    }
    String id = clientId;
    CompletableFuture<WebSocket> sent =
        id == null
            ? CompletableFuture.completedFuture(open)
            : send("[{\"id\":\"9\",\"channel\":\"/meta/disconnect\",\"clientId\":\"" + id + "\"}]");
    sent.thenCompose(ws -> open.sendClose(WebSocket.NORMAL_CLOSURE, "warmed up"))
        .exceptionally(
            failure -> {
              open.abort();
              return null;
            });
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String frame = partial.toString();
      partial.setLength(0);
      received.addAndGet(occurrences(frame, mark));
      if (frame.contains("\"/meta/")) {
        meta(frame);
      }
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    subscribed.completeExceptionally(error);
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    subscribed.completeExceptionally(
        new IllegalStateException("closed by the server: " + statusCode + " " + reason));
    return null;
  }

  private void meta(String frame) {
    JsonArray replies;
    try {
      replies = Json.createReader(new StringReader(frame)).readArray();
    } catch (RuntimeException notAnArray) {
      return; // deliveries of other shapes: not a reply of ours
    }
    for (JsonValue value : replies) {
      if (value instanceof JsonObject reply) {
        reply(reply);
      }
    }
  }

  private void reply(JsonObject reply) {
    String replyChannel = reply.getString("channel", "");
    boolean successful = reply.getBoolean("successful", false);
    switch (replyChannel) {
      case "/meta/handshake" -> {
        if (!successful) {
          subscribed.completeExceptionally(new IllegalStateException("handshake refused"));
          return;
        }
        clientId = reply.getString("clientId");
        if (closing) {
          return; // given up on: this client subscribes to nothing
        }
        // the first connect is answered at once (as Faye's), the ones after it are held
        send(
            "[{\"id\":\"2\",\"channel\":\"/meta/connect\",\"clientId\":\""
                + clientId
                + "\",\"connectionType\":\"websocket\",\"advice\":{\"timeout\":0}},"
                + "{\"id\":\"3\",\"channel\":\"/meta/subscribe\",\"clientId\":\""
                + clientId
                + "\",\"subscription\":\""
                + channel
                + "\"}]");
      }
      case "/meta/subscribe" -> {
        if (successful) {
          subscribed.complete(null);
        } else {
          subscribed.completeExceptionally(
              new IllegalStateException("subscription refused: " + reply.getString("error", "")));
        }
      }
      case "/meta/connect" -> {
        if (successful && !closing) {
          send(
              "[{\"id\":\"4\",\"channel\":\"/meta/connect\",\"clientId\":\""
                  + clientId
                  + "\",\"connectionType\":\"websocket\"}]");
        }
      }
      default -> {
        // nothing else is asked
      }
    }
  }

  /** Queued behind the previous send: the JDK's websocket takes one text at a time. */
  private synchronized CompletableFuture<WebSocket> send(String text) {
    WebSocket open = socket;
    sending =
        sending
            .exceptionally(failure -> open)
            .thenCompose(ws -> open.sendText(text, true))
            .whenComplete(
                (ws, failure) -> {
                  if (failure != null) {
                    subscribed.completeExceptionally(failure);
                  }
                });
    return sending;
  }

  static int occurrences(String text, String mark) {
    int count = 0;
    for (int at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + mark.length())) {
      count++;
    }
    return count;
  }
}
