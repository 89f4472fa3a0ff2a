package org.gitterjakarta.web.pages;

import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.gitterjakarta.problems.Outages;
import org.gitterjakarta.problems.Problem;

/**
 * Turns what a page refuses into a 4xx page instead of a server error: a form whose view state is
 * expired, forged, malformed or someone else's (400, the expired page: nothing was changed), and a
 * domain refusal that escaped a bean, such as a form posted to a room the person may not use (its
 * status; 403 and 404 both show the not-found page, which does not tell which rooms exist), and a
 * store that cannot be reached (503).
 */
@WebFilter(
    urlPatterns = "*.xhtml",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class RefusedPages extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException failure) {
      Optional<Integer> status = statusOf(failure);
      if (status.isEmpty() || response.isCommitted()) {
        throw failure;
      }
      response.resetBuffer();
      response.sendError(status.get());
    }
  }

  /** The 4xx a failure stands for, or empty for a real server error. */
  static Optional<Integer> statusOf(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ViewExpiredException) {
        return Optional.of(HttpServletResponse.SC_BAD_REQUEST);
      }
      if (cause instanceof Problem problem) {
        int status = problem.kind().status();
        return Optional.of(status == 403 ? HttpServletResponse.SC_NOT_FOUND : status);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    if (Outages.isOutage(failure)) {
      return Optional.of(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
    return Optional.empty();
  }
}
