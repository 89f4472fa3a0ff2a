package org.gitterjakarta.ws.bayeux;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Optional;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxContext;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.websocket.common.AbstractWebSocketEndPoint;

/**
 * One websocket connection. It only delegates: frames in go to CometD's endpoint logic, frames out
 * are sent asynchronously, so a slow client never holds a server thread.
 */
public class BayeuxSocket extends Endpoint
    implements MessageHandler.Whole<String>, IdleSockets.Watched {

  private static final System.Logger LOGGER = System.getLogger(BayeuxSocket.class.getName());

  /** Close reasons must fit a control frame; CometD's can be long. */
  static final int MAX_REASON_LENGTH = 30;

  private final WebSocketTransport transport;
  private volatile Session session;
  private volatile Delegate delegate;
  private volatile long lastFrameNanos = System.nanoTime();

  BayeuxSocket(WebSocketTransport transport) {
    this.transport = transport;
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    this.session = session;
    // idle sockets are found by one sweep (IdleSockets), not by a container timer per frame;
    // installed first, so that turning the timeout off schedules no check either
    IdleTimerOff.install(session);
    session.setMaxIdleTimeout(0);
    transport.opened(this);
    var context = (BayeuxContext) config.getUserProperties().get(BayeuxSocketConfigurator.CONTEXT);
    this.delegate = new Delegate(transport, context);
    session.addMessageHandler(this);
  }

  @Override
  public void onMessage(String frame) {
    lastFrameNanos = System.nanoTime();
    Optional<String> problem = BayeuxRequests.problem(frame);
    if (problem.isPresent()) {
      // a malformed frame is answered, not passed on: CometD would close the socket on it
      NoServicesClassLoader.run(
          () -> session.getAsyncRemote().sendText(BayeuxRequests.errorReply(problem.get())));
      return;
    }
    delegate.onMessage(
        frame,
        Promise.from(
            done -> {}, failure -> delegate.close(1011, String.valueOf(failure.getMessage()))));
  }

  @Override
  public void onClose(Session session, CloseReason reason) {
    transport.closed(this);
    delegate.onClose(reason.getCloseCode().getCode(), reason.getReasonPhrase());
  }

  @Override
  public void onError(Session session, Throwable failure) {
    delegate.onError(failure);
  }

  @Override
  public long lastFrameNanos() {
    return lastFrameNanos;
  }

  @Override
  public void goAway(String reason) {
    Delegate current = delegate;
    if (current != null) {
      current.close(CloseReason.CloseCodes.GOING_AWAY.getCode(), reason);
    }
  }

  private final class Delegate extends AbstractWebSocketEndPoint {
    Delegate(WebSocketTransport transport, BayeuxContext context) {
      super(transport, context);
    }

    @Override
    protected void send(ServerSession bayeuxSession, String data, Promise<Void> promise) {
      NoServicesClassLoader.run(
          () ->
              session
                  .getAsyncRemote()
                  .sendText(
                      data,
                      result -> {
                        if (result.isOK()) {
                          promise.succeed(null);
                        } else {
                          promise.fail(result.getException());
                        }
                      }));
    }

    @Override
    public void close(int code, String reason) {
      BayeuxSocket.close(session, code, reason);
    }
  }

  /**
   * Closes the socket with a reason cut to fit a close frame. A socket already closed is left so:
   * CometD closes a socket whose sends failed, most often because the peer closed it first, and the
   * container's complaint (a stack trace per socket) would flood the log.
   */
  static void close(Session session, int code, String reason) {
    String shortReason =
        reason == null ? null : reason.substring(0, Math.min(reason.length(), MAX_REASON_LENGTH));
    try {
      session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), shortReason));
    } catch (IOException e) {
      LOGGER.log(System.Logger.Level.DEBUG, "Closing a Bayeux websocket failed", e);
    } catch (IllegalStateException alreadyClosed) {
      LOGGER.log(System.Logger.Level.DEBUG, "The Bayeux websocket was closed already");
    }
  }
}
