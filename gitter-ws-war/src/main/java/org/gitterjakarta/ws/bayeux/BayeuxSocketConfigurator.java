package org.gitterjakarta.ws.bayeux;

import jakarta.servlet.ServletContext;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;
import org.cometd.server.websocket.common.AbstractBayeuxContext;

/**
 * Creates one {@link BayeuxSocket} per connection and hands it what CometD wants to know of the
 * upgrade request (headers, query, principal) as a {@code BayeuxContext}.
 */
final class BayeuxSocketConfigurator extends ServerEndpointConfig.Configurator {

  static final String CONTEXT = BayeuxSocketConfigurator.class.getName() + ".context";

  private final WebSocketTransport transport;

  BayeuxSocketConfigurator(WebSocketTransport transport) {
    this.transport = transport;
  }

  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    var servletContext =
        (ServletContext) transport.getBayeuxServer().getOption(ServletContext.class.getName());
    String uri = request.getRequestURI().toString();
    boolean secure =
        uri.startsWith("wss:")
            || "https".equalsIgnoreCase(first(request.getHeaders().get("x-forwarded-proto")));
    config
        .getUserProperties()
        .put(
            CONTEXT,
            new UpgradeContext(
                uri,
                servletContext.getContextPath(),
                request.getQueryString(),
                request.getHeaders(),
                request.getParameterMap(),
                request,
                secure));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T getEndpointInstance(Class<T> endpointClass) {
    return (T) new BayeuxSocket(transport);
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  static final class UpgradeContext extends AbstractBayeuxContext {
    UpgradeContext(
        String uri,
        String contextPath,
        String query,
        Map<String, List<String>> headers,
        Map<String, List<String>> parameters,
        HandshakeRequest request,
        boolean secure) {
      super(
          uri,
          contextPath,
          query,
          headers,
          parameters,
          request.getUserPrincipal(),
          null,
          null,
          List.of(),
          "HTTP/1.1",
          secure);
    }
  }
}
