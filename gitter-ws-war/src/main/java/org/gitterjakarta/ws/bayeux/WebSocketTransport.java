package org.gitterjakarta.ws.bayeux;

import jakarta.servlet.ServletContext;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.websocket.common.AbstractWebSocketTransport;

/**
 * CometD's {@code websocket} transport on Jakarta WebSocket. CometD creates it by class name from
 * the servlet's {@code transports} parameter while the servlet starts, so it registers its endpoint
 * programmatically, at the paths of {@code ws.cometdURLMapping}.
 */
public class WebSocketTransport extends AbstractWebSocketTransport {

  static final long DEFAULT_IDLE_MILLIS = 180_000;
  static final int SWEEPS_PER_TIMEOUT = 6;

  private final AtomicBoolean sweeping = new AtomicBoolean();
  private volatile IdleSockets idleSockets;
  private volatile long sweepMillis;

  public WebSocketTransport(BayeuxServerImpl bayeux) {
    super(bayeux);
  }

  /** Where Gitter's clients connect on a host of its own ({@code wss://ws.gitter.im/bayeux}). */
  static final String ROOT_ENDPOINT = "/bayeux";

  @Override
  public void init() {
    super.init();
    var servletContext =
        (ServletContext) getBayeuxServer().getOption(ServletContext.class.getName());
    var container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
    if (container == null) {
      throw new IllegalStateException("No Jakarta WebSocket container in " + servletContext);
    }
    long idleTimeout = getOption(IDLE_TIMEOUT_OPTION, DEFAULT_IDLE_MILLIS);
    idleSockets = new IdleSockets(idleTimeout);
    sweepMillis = Math.max(1000, idleTimeout / SWEEPS_PER_TIMEOUT);
    container.setDefaultMaxSessionIdleTimeout(0);
    if (getMaxMessageSize() > 0) {
      container.setDefaultMaxTextMessageBufferSize(getMaxMessageSize());
    }
    String mapping = (String) getOption(COMETD_URL_MAPPING_OPTION);
    if (mapping == null) {
      throw new IllegalArgumentException("Missing init parameter ws." + COMETD_URL_MAPPING_OPTION);
    }
    for (String path : normalizeURLMapping(mapping)) {
      register(container, path);
    }
    if (servletContext.getContextPath().isEmpty()) {
      // a realtime-only instance owns its host's root, as ws.gitter.im did: /bayeux is a path
      // there, not a context root the container would redirect to /bayeux/
      register(container, ROOT_ENDPOINT);
      register(container, ROOT_ENDPOINT + "/");
    }
  }

  /** How many websockets are open. */
  public int openSockets() {
    IdleSockets current = idleSockets;
    return current == null ? 0 : current.size();
  }

  /** Closes every open socket ("going away"); how many there were. */
  public int closeAll(String reason) {
    IdleSockets current = idleSockets;
    return current == null ? 0 : current.closeAll(reason);
  }

  /** Watches a new socket for silence; the sweeps start with the first socket, once CometD runs. */
  void opened(IdleSockets.Watched socket) {
    idleSockets.opened(socket);
    if (sweeping.compareAndSet(false, true)) {
      scheduleSweep(sweepMillis);
    }
  }

  void closed(IdleSockets.Watched socket) {
    idleSockets.closed(socket);
  }

  private void scheduleSweep(long everyMillis) {
    try {
      getBayeuxServer()
          .schedule(
              () -> {
                idleSockets.sweep(System.nanoTime());
                scheduleSweep(everyMillis);
              },
              everyMillis);
    } catch (RejectedExecutionException stopping) {
      // the server is shutting down: its sockets close with it
    }
  }

  private void register(ServerContainer container, String path) {
    var config =
        ServerEndpointConfig.Builder.create(BayeuxSocket.class, path)
            .configurator(new BayeuxSocketConfigurator(this))
            .build();
    try {
      container.addEndpoint(config);
    } catch (DeploymentException e) {
      throw new IllegalStateException("Cannot register the Bayeux websocket at " + path, e);
    }
  }
}
