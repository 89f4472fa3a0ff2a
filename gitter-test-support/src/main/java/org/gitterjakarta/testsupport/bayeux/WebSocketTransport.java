package org.gitterjakarta.testsupport.bayeux;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * One websocket; each text frame is one batch. Sends are chained, never blocking a thread: the JDK
 * websocket refuses a send while another is outstanding, and the listener thread sends the next
 * {@code /meta/connect} while the caller may be subscribing.
 */
final class WebSocketTransport implements Transport, WebSocket.Listener {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

  private final Consumer<String> receiver;
  private final Consumer<Throwable> onLost;
  private final StringBuilder frame = new StringBuilder();
  private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null); // on this
  private volatile WebSocket socket;

  private WebSocketTransport(Consumer<String> receiver, Consumer<Throwable> onLost) {
    this.receiver = receiver;
    this.onLost = onLost;
  }

  /** Opens the socket; {@code onLost} hears of its end unless {@link #close} or abort ended it. */
  static CompletableFuture<WebSocketTransport> open(
      HttpClient http, URI uri, Consumer<String> receiver, Consumer<Throwable> onLost) {
    var transport = new WebSocketTransport(receiver, onLost);
    return http.newWebSocketBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .buildAsync(uri, transport)
        .thenApply(ws -> transport);
  }

  @Override
  public String connectionType() {
    return "websocket";
  }

  @Override
  public CompletableFuture<Void> send(String batch) {
    CompletableFuture<Void> sent;
    synchronized (this) {
      sent =
          lastSend
              .handle((r, e) -> null)
              .thenCompose(x -> socket.sendText(batch, true))
              .thenApply(ws -> null);
      lastSend = sent;
    }
    // a socket that cannot send is gone
    return sent.whenComplete((r, e) -> lostIf(e));
  }

  @Override
  public CompletableFuture<Void> close() {
    synchronized (this) {
      CompletableFuture<Void> closed =
          lastSend
              .handle((r, e) -> null)
              .thenCompose(x -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"))
              .thenApply(ws -> null);
      lastSend = closed;
      return closed;
    }
  }

  @Override
  public void abort() {
    WebSocket open = socket;
    if (open != null) {
      open.abort();
    }
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    socket = webSocket;
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    frame.append(data);
    if (last) {
      String text = frame.toString();
      frame.setLength(0);
      receiver.accept(text);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    onLost.accept(new IllegalStateException("closed by the server: " + statusCode + " " + reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    onLost.accept(error);
  }

  private void lostIf(Throwable failure) {
    if (failure != null) {
      onLost.accept(failure);
    }
  }
}
