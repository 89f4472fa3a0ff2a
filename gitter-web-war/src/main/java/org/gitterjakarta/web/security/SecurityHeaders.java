package org.gitterjakarta.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers every page carries: a Content-Security-Policy without inline script (scripts come from
 * this site only; the page's live parts talk to this site's API and Bayeux), no framing, no MIME
 * sniffing, no referrer leaking room addresses.
 */
@WebFilter("/*")
public class SecurityHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String POLICY = policy("");

  /**
   * The policy, letting this page's forms also lead to {@code formTargets} (the OAuth consent page
   * sends the person back to the app's registered address).
   */
  public static String policy(String formTargets) {
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
        + "connect-src 'self' ws: wss:; frame-ancestors 'none'; form-action 'self'"
        + (formTargets.isEmpty() ? "" : " " + formTargets)
        + "; base-uri 'self'; object-src 'none'";
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Content-Security-Policy", POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    chain.doFilter(request, response);
  }
}
