package org.gitterjakarta.web.chat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gitterjakarta.groups.entity.Names;

/**
 * Gitter's addresses: {@code /<community>/<room>} for a room, {@code /<username>} for a one-to-one
 * chat, {@code /<community>} for a community's home, and for rooms' archives {@code
 * /<community>/<room>/archives}, {@code .../archives/YYYY/MM/DD} and {@code
 * .../archives/YYYY/MM/DD/H-H+1} are served by the archive page.
 */
@WebFilter("/*")
public class RoomAddresses extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Pattern ROOM = Pattern.compile("/(([\\w-]+)/[\\w-]+)/?");
  private static final Pattern PERSON = Pattern.compile("/([\\w-]+)/?");

  @jakarta.inject.Inject org.gitterjakarta.web.security.WebSession session;
  @jakarta.inject.Inject org.gitterjakarta.users.boundary.Users users;
  private static final Pattern ARCHIVE =
      Pattern.compile(
          "/([\\w-]+/[\\w-]+)/archives(?:/all)?(?:/(\\d{4})/(\\d{2})/(\\d{2})(?:/(\\d{1,2})-\\d{1,2})?)?/?");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Matcher room = ROOM.matcher(path);
    // reserved first segments are the server's and the other applications' (health, api, ...)
    if (room.matches() && !Names.RESERVED_COMMUNITY_URIS.contains(Names.lowerCase(room.group(2)))) {
      String at = request.getParameter("at");
      request
          .getRequestDispatcher(
              "/room.xhtml?uri="
                  + URLEncoder.encode(room.group(1), StandardCharsets.UTF_8)
                  + (at == null ? "" : "&at=" + URLEncoder.encode(at, StandardCharsets.UTF_8)))
          .forward(request, response);
      return;
    }
    Matcher person = PERSON.matcher(path);
    boolean topLevel =
        person.matches()
            && !Names.RESERVED_COMMUNITY_URIS.contains(Names.lowerCase(person.group(1)));
    if (topLevel && users.findByUsername(person.group(1)).isEmpty()) {
      // not a person: a community's home (or the not-found page)
      request
          .getRequestDispatcher(
              "/community.xhtml?uri=" + URLEncoder.encode(person.group(1), StandardCharsets.UTF_8))
          .forward(request, response);
      return;
    }
    if (topLevel) {
      // Gitter's one-to-one address: a chat with that person, so only for someone signed in
      if (!session.signedIn()) {
        response.sendRedirect(
            request.getContextPath()
                + "/signin.xhtml?next="
                + URLEncoder.encode(path, StandardCharsets.UTF_8));
        return;
      }
      request
          .getRequestDispatcher(
              "/room.xhtml?uri=" + URLEncoder.encode(person.group(1), StandardCharsets.UTF_8))
          .forward(request, response);
      return;
    }
    Matcher archive = ARCHIVE.matcher(path);
    if (!archive.matches()) {
      chain.doFilter(request, response);
      return;
    }
    StringBuilder target =
        new StringBuilder("/archives.xhtml?uri=")
            .append(URLEncoder.encode(archive.group(1), StandardCharsets.UTF_8));
    if (archive.group(2) != null) {
      target.append("&date=").append(archive.group(2)).append('-').append(archive.group(3));
      target.append('-').append(archive.group(4));
    }
    if (archive.group(5) != null) {
      target.append("&hour=").append(archive.group(5));
    }
    request.getRequestDispatcher(target.toString()).forward(request, response);
  }
}
