package org.gitterjakarta.api.errors;

import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * An error the container itself answers (a path no resource serves, a method the servlet refuses)
 * gets the API's {@code {"error": "..."}} body instead of the container's HTML page, keeping the
 * headers already set (CORS among them).
 */
public class JsonErrorPages extends HttpServletResponseWrapper {

  // looked up once: each Json.createXxx() call searches the class path for a provider
  private static final JsonProvider JSON = JsonProvider.provider();

  public JsonErrorPages(HttpServletResponse response) {
    super(response);
  }

  @Override
  public void sendError(int status) throws IOException {
    sendError(status, null);
  }

  @Override
  public void sendError(int status, String message) throws IOException {
    if (isCommitted()) {
      super.sendError(status, message);
      return;
    }
    resetBuffer();
    setStatus(status);
    setContentType("application/json");
    setCharacterEncoding("UTF-8");
    getWriter().write("{\"error\":" + JSON.createValue(reason(status)) + "}");
    flushBuffer();
  }

  private static String reason(int status) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return known == null ? "Error " + status : known.getReasonPhrase();
  }
}
