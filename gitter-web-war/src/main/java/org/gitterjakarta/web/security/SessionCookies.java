package org.gitterjakarta.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gitterjakarta.tokens.boundary.Tokens;
import org.gitterjakarta.tokens.entity.IssuedToken;

/**
 * The browser's sign-in cookie: the value of a "web session" API token, which the page's script
 * also uses for REST and Bayeux (as Gitter's web client had its token). Valid only while the token
 * is not revoked and younger than the configured session length.
 */
@ApplicationScoped
public class SessionCookies {

  /** The cookie's name; HttpOnly, SameSite=Lax, Secure over TLS. */
  public static final String NAME = "gitter_session";

  /** The request attribute holding the token issued by this very request's sign-in. */
  static final String ISSUED = SessionCookies.class.getName() + ".issued";

  /** The name of the tokens issued to browser sessions (hidden from the settings page). */
  public static final String TOKEN_NAME = "web session";

  @Inject Tokens tokens;

  @Inject
  @ConfigProperty(name = "gitter.web.session-days", defaultValue = "14")
  int sessionDays;

  void startSession(String userId, HttpServletRequest request, HttpServletResponse response) {
    IssuedToken issued = tokens.issuePersonal(userId, TOKEN_NAME);
    request.setAttribute(ISSUED, issued.value());
    response.addCookie(cookie(issued.value(), (int) maxAge().toSeconds(), request));
  }

  /** The person a request's cookie signs in, if its token is valid. */
  Optional<String> signedInUser(HttpServletRequest request) {
    return value(request)
        .flatMap(value -> tokens.resolveSession(value, TOKEN_NAME, maxAge()))
        .map(caller -> caller.userId());
  }

  /** The token of the request's session: issued by this request, or sent in its cookie. */
  Optional<String> token(HttpServletRequest request) {
    Object issued = request.getAttribute(ISSUED);
    return issued instanceof String value ? Optional.of(value) : value(request);
  }

  void endSession(HttpServletRequest request, HttpServletResponse response) {
    value(request).ifPresent(tokens::revokeValue);
    dropIfPresent(request, response);
  }

  void dropIfPresent(HttpServletRequest request, HttpServletResponse response) {
    if (value(request).isPresent()) {
      response.addCookie(cookie("", 0, request));
    }
  }

  private Duration maxAge() {
    return Duration.ofDays(sessionDays);
  }

  private static Optional<String> value(HttpServletRequest request) {
    Cookie[] all = request.getCookies();
    if (all == null) {
      return Optional.empty();
    }
    for (Cookie cookie : all) {
      if (NAME.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
        return Optional.of(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  private static Cookie cookie(String value, int maxAgeSeconds, HttpServletRequest request) {
    Cookie cookie = new Cookie(NAME, value);
    String path = request.getContextPath();
    cookie.setPath(path.isEmpty() ? "/" : path);
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure());
    cookie.setMaxAge(maxAgeSeconds);
    cookie.setAttribute("SameSite", "Lax");
    return cookie;
  }
}
