package org.gitterjakarta.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/**
 * Who the request's person is and the API token the page's script uses for REST and Bayeux, as
 * Gitter's web client had. Read from the request (its authenticated caller and sign-in cookie),
 * never kept in an HTTP session, so any web instance can serve any request.
 */
@Named
@RequestScoped
public class WebSession {

  @Inject HttpServletRequest request;
  @Inject SessionCookies cookies;

  public String userId() {
    Principal caller = request.getUserPrincipal();
    return caller == null ? null : caller.getName();
  }

  public String token() {
    return signedIn() ? cookies.token(request).orElse(null) : null;
  }

  public boolean signedIn() {
    return request.getUserPrincipal() != null;
  }
}
