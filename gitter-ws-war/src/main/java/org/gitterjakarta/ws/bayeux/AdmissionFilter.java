package org.gitterjakarta.ws.bayeux;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Asks {@link Admission} before a websocket upgrade, and before a callback-polling (JSONP) request,
 * whose Bayeux messages come in its {@code message} parameter; long-polling POSTs are asked by
 * {@link CachedBodyFilter}, which reads their body.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class AdmissionFilter extends HttpFilter {

  @Inject Admission admission;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!"GET".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
      if (admission.admitsWebsocket(request.getServletContext(), response)) {
        chain.doFilter(request, response);
      }
      return;
    }
    String message = request.getParameter("message");
    if (message == null
        || !BayeuxRequests.check(message).handshake()
        || admission.admitsNewClient(request.getServletContext(), response)) {
      chain.doFilter(request, response);
    }
  }
}
