package org.gitterjakarta.ws.bayeux;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads a long-polling POST body before CometD sees it. Payara reports the body finished before
 * CometD's asynchronous reader has read it, which leaves CometD with no JSON at all; a body read up
 * front and replayed avoids that. Bayeux bodies are small, so the read is capped, and checked by
 * {@link BayeuxRequests} so that a malformed or oversized batch gets a Bayeux error reply, never a
 * container page. A form-encoded body ({@code message=[...]}) is replayed as its JSON. A new
 * client's handshake is first put to {@link Admission}.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CachedBodyFilter extends HttpFilter {

  static final int MAX_BODY_BYTES = 256 * 1024;

  @Inject Admission admission;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!"POST".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Request too large");
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Request too large");
      return;
    }
    String json = json(request, body);
    BayeuxRequests.Checked checked = BayeuxRequests.check(json);
    if (checked.problem().isPresent()) {
      refuse(response, HttpServletResponse.SC_BAD_REQUEST, checked.problem().get());
      return;
    }
    if (!checked.handshake() || admission.admitsNewClient(request.getServletContext(), response)) {
      chain.doFilter(
          new CachedBodyRequest(request, json.getBytes(StandardCharsets.UTF_8)), response);
    }
  }

  /** The Bayeux JSON of a body: the body itself, or its {@code message} field when form-encoded. */
  static String json(HttpServletRequest request, byte[] body) {
    String contentType = request.getContentType();
    String text = new String(body, StandardCharsets.UTF_8);
    if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
      return text;
    }
    for (String pair : text.split("&")) {
      if (pair.startsWith("message=")) {
        try {
          return URLDecoder.decode(pair.substring("message=".length()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
          return "";
        }
      }
    }
    return "";
  }

  private static void refuse(HttpServletResponse response, int status, String reason)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(BayeuxRequests.errorReply(reason));
  }
}
