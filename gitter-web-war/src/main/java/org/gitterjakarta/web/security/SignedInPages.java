package org.gitterjakarta.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Pages only a signed-in person sees send everyone else to the sign-in page, with where they were
 * going as {@code next}, so signing in brings them back there. (The servlet security constraint did
 * this through a saved request that a failed sign-in left half-restored: blank pages.)
 */
@WebFilter({"/rooms.xhtml", "/settings.xhtml", "/room-settings.xhtml", "/oauth-consent.xhtml"})
public class SignedInPages extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject WebSession session;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (session.signedIn()) {
      chain.doFilter(request, response);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String target = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    response.sendRedirect(
        request.getContextPath()
            + "/signin.xhtml?next="
            + URLEncoder.encode(target, StandardCharsets.UTF_8));
  }
}
