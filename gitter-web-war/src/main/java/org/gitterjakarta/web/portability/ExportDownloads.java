package org.gitterjakarta.web.portability;

import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gitterjakarta.portability.boundary.Export;
import org.gitterjakarta.portability.boundary.Exports;
import org.gitterjakarta.problems.Problem;

/**
 * {@code /api_web/export/user/:userId/<kind>.ndjson} and {@code
 * /api_web/export/rooms/:roomId/<kind>.ndjson}, as gitter.im served them to its own pages: for the
 * person signed in with the sign-in cookie ({@code me} or their id), room files for room admins.
 * Refusals are JSON errors, as Gitter's were; the file itself is written while it is read.
 */
@WebServlet(urlPatterns = "/api_web/export/*")
public class ExportDownloads extends HttpServlet {

  // looked up once: each Json.createXxx() call searches the class path for a provider
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final long serialVersionUID = 1L;
  private static final System.Logger LOGGER = System.getLogger(ExportDownloads.class.getName());
  private static final Pattern PATH =
      Pattern.compile("/(user|rooms)/([0-9A-Za-z]{1,24})/([a-z-]{1,40})\\.ndjson");

  @Inject transient Exports exports;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Matcher path = PATH.matcher(String.valueOf(request.getPathInfo()));
    if (!path.matches()) {
      error(response, 404, "Not found");
      return;
    }
    if (request.getUserPrincipal() == null) {
      error(response, 401, "Sign in to download your data");
      return;
    }
    String me = request.getUserPrincipal().getName();
    Export export;
    try {
      export = export(me, path.group(1), path.group(2), path.group(3));
    } catch (Problem refused) {
      error(response, refused.kind().status(), refused.getMessage());
      return;
    }
    response.setContentType(Export.MEDIA_TYPE + ";charset=utf-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Accel-Buffering", "no");
    try {
      export.body().writeTo(response.getOutputStream());
    } catch (IOException | java.io.UncheckedIOException closed) {
      // the browser cancelled the download: nothing to report
      LOGGER.log(System.Logger.Level.DEBUG, "Download {0} ended early", export.fileName());
    }
  }

  private Export export(String me, String owner, String id, String kind) {
    if ("rooms".equals(owner)) {
      return exports.ofRoom(me, id, kind);
    }
    if (!"me".equals(id) && !me.equals(id)) {
      throw Problem.notAllowed("You can only download your own data");
    }
    return exports.ofPerson(me, kind);
  }

  private static void error(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=utf-8");
    response.getWriter().write(JSON.createObjectBuilder().add("error", message).build().toString());
  }
}
