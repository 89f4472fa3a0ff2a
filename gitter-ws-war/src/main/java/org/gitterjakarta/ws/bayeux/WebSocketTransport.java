package org.gitterjakarta.ws.bayeux;

import jakarta.servlet.ServletContext;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.websocket.common.AbstractWebSocketTransport;

/**
 * CometD's {@code websocket} transport on Jakarta WebSocket. CometD creates it by class name from
 * the servlet's {@code transports} parameter while the servlet starts, so it registers its endpoint
 * programmatically, at the paths of {@code ws.cometdURLMapping}.
 */
public class WebSocketTransport extends AbstractWebSocketTransport {

  public WebSocketTransport(BayeuxServerImpl bayeux) {
    super(bayeux);
  }

  @Override
  public void init() {
    super.init();
    var servletContext =
        (ServletContext) getBayeuxServer().getOption(ServletContext.class.getName());
    var container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
    if (container == null) {
      throw new IllegalStateException("No Jakarta WebSocket container in " + servletContext);
    }
    long idleTimeout = getOption(IDLE_TIMEOUT_OPTION, container.getDefaultMaxSessionIdleTimeout());
    container.setDefaultMaxSessionIdleTimeout(idleTimeout);
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
