package org.gitterjakarta.ws.bayeux;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.cometd.bayeux.server.BayeuxServer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a websocket upgrade with 503 when the instance takes no more sockets ({@link
 * SocketAdmission}), before the container upgrades it: the refused connection is closed, the client
 * tries again later or, as Faye's clients do, falls back to long-polling. A run of refusals is
 * logged when it starts and when the instance takes sockets again.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class WebSocketAdmissionFilter extends HttpFilter {

  static final String RETRY_AFTER_SECONDS = "10";
  private static final System.Logger LOGGER =
      System.getLogger(WebSocketAdmissionFilter.class.getName());

  @Inject
  @ConfigProperty(name = "gitter.ws.max-sockets", defaultValue = "0")
  int maxSockets;

  @Inject
  @ConfigProperty(name = "gitter.ws.file-reserve", defaultValue = "1000")
  long fileReserve;

  private SocketAdmission admission;
  private final Trouble refusing = new Trouble(LOGGER, "Refusing new websockets");

  @Override
  public void init() {
    admission = SocketAdmission.forThisProcess(maxSockets, fileReserve);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> refusal = admission.refusal(openSockets());
    if (refusal.isEmpty()) {
      refusing.over();
      chain.doFilter(request, response);
      return;
    }
    refusing.happened(refusal.get());
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
    response.setHeader("Connection", "close");
    response.setContentType("application/json;charset=UTF-8");
    response
        .getWriter()
        .write(
            "{\"error\":\"This server takes no more websockets now; try again later or use"
                + " long-polling\"}");
  }

  /** The websockets open now; none before CometD has started its transport. */
  private int openSockets() {
    return getServletContext().getAttribute(BayeuxServer.ATTRIBUTE) instanceof BayeuxServer bayeux
            && bayeux.getTransport("websocket") instanceof WebSocketTransport sockets
        ? sockets.openSockets()
        : 0;
  }
}
