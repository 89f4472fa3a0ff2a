package org.gitterjakarta.ws.bayeux;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Reads a long-polling POST body before CometD sees it. Payara reports the body finished before
 * CometD's asynchronous reader has read it, which leaves CometD with no JSON at all; a body read up
 * front and replayed avoids that. Bayeux bodies are small, so the read is capped.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CachedBodyFilter extends HttpFilter {

  static final int MAX_BODY_BYTES = 256 * 1024;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!"POST".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }
}
