package org.gitterjakarta.api.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gitterjakarta.api.errors.JsonErrorPages;

/**
 * Gitter's CORS, for everything the API WAR answers (errors of the container included): the
 * request's {@code Origin} is reflected (no cookies are involved, tokens are sent explicitly),
 * preflights are answered here and cached for 600 s, and the rate-limit headers are readable by
 * scripts. Registered in web.xml, first of the WAR's own filters.
 */
public class Cors implements Filter {

  @Override
  public void doFilter(
      ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) servletRequest;
    HttpServletResponse response = (HttpServletResponse) servletResponse;
    String origin = request.getHeader("Origin");
    if (origin != null) {
      response.setHeader("Access-Control-Allow-Origin", origin);
      response.addHeader("Vary", "Origin");
    }
    response.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, PATCH");
    response.setHeader(
        "Access-Control-Allow-Headers", "content-type, x-access-token, authorization, accept");
    response.setHeader(
        "Access-Control-Expose-Headers",
        "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset");
    response.setHeader("Access-Control-Max-Age", "600");
    if ("OPTIONS".equals(request.getMethod())
        && request.getHeader("Access-Control-Request-Method") != null) {
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return;
    }
    chain.doFilter(request, new JsonErrorPages(response));
  }
}
