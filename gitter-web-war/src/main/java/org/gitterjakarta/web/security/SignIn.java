package org.gitterjakarta.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gitterjakarta.ratelimits.boundary.RateLimits;
import org.gitterjakarta.ratelimits.entity.ClientAddress;
import org.gitterjakarta.web.pages.PageMessages;

/**
 * The sign-in form. Failed attempts are throttled per username and address ({@value #MAX_FAILURES}
 * per {@value #WINDOW_MINUTES} minutes) and per address alone ({@value #MAX_FAILURES_PER_ADDRESS}),
 * in Redis, so passwords cannot be guessed or sprayed at speed from any instance.
 */
@Named
@RequestScoped
public class SignIn {

  static final int MAX_FAILURES = 5;
  static final int WINDOW_MINUTES = 5;

  /** Across usernames: one address trying a common password on many accounts (spraying). */
  static final int MAX_FAILURES_PER_ADDRESS = 20;

  @Inject SecurityContext security;
  @Inject FacesContext faces;
  @Inject RateLimits limits;
  @Inject PageMessages page;
  @Inject org.gitterjakarta.memberships.boundary.Memberships memberships;

  @Inject
  @ConfigProperty(name = "gitter.http.trusted-proxies")
  int trustedProxies;

  @NotBlank(message = "Enter your username")
  @Size(max = 81)
  private String username;

  @NotBlank(message = "Enter your password")
  @Size(max = 200)
  private String password;

  private String next;

  /** A room to join once signed in ("Sign in to join" on a room signed out). */
  private String join;

  public String submit() {
    ExternalContext context = faces.getExternalContext();
    var request = (HttpServletRequest) context.getRequest();
    String address =
        ClientAddress.of(
            request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), trustedProxies);
    String throttle = "signin:" + username.toLowerCase() + ":" + address;
    String spraying = "signin-address:" + address;
    if (limits.peek(throttle) >= MAX_FAILURES
        || limits.peek(spraying) >= MAX_FAILURES_PER_ADDRESS) {
      return fail("Too many failed attempts. Wait a few minutes and try again.");
    }
    AuthenticationStatus status =
        security.authenticate(
            request,
            (HttpServletResponse) context.getResponse(),
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(new UsernamePasswordCredential(username, new Password(password))));
    if (status == AuthenticationStatus.SEND_FAILURE) {
      limits.hit(throttle, MAX_FAILURES, WINDOW_MINUTES * 60_000L);
      limits.hit(spraying, MAX_FAILURES_PER_ADDRESS, WINDOW_MINUTES * 60_000L);
      return fail("Wrong username or password");
    }
    if (status == AuthenticationStatus.SUCCESS) {
      joinIfAsked();
      faces.responseComplete();
      redirect(context, safeNext());
    }
    return null;
  }

  /** Back where the person was going: only a path on this site, never another host. */
  private String safeNext() {
    String contextPath = faces.getExternalContext().getRequestContextPath();
    if (next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")) {
      return next.startsWith(contextPath + "/") ? next.substring(contextPath.length()) : next;
    }
    return "/rooms.xhtml";
  }

  /**
   * Joins the room the person asked to join before signing in. Done in this POST (which carries the
   * password), never from a link, so no other site can make someone join a room.
   */
  private void joinIfAsked() {
    if (join == null || join.isBlank()) {
      return;
    }
    try {
      memberships.join(security.getCallerPrincipal().getName(), join);
    } catch (org.gitterjakarta.problems.Problem refused) {
      // not joinable (private, banned, gone): the room page says so
    }
  }

  private String fail(String message) {
    page.error(message);
    return null;
  }

  static void redirect(ExternalContext context, String page) {
    try {
      context.redirect(context.getRequestContextPath() + page);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public String getJoin() {
    return join;
  }

  public void setJoin(String join) {
    this.join = join;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
