package org.gitterjakarta.lifecycle;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * While the instance stops, every new request (websocket upgrades too) is answered 503 before it
 * does anything, so the proxy in front may safely pass it to another instance ({@code
 * proxy_next_upstream http_503 non_idempotent} in server-config/nginx/gitter.conf). Registered by
 * each WAR that carries this jar.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DrainFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!Drain.stopping()) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", "1");
    response.setHeader("Connection", "close");
    response.setContentType("application/json");
    response.getWriter().write("{\"error\":\"Service Unavailable\",\"reason\":\"restarting\"}");
  }
}
