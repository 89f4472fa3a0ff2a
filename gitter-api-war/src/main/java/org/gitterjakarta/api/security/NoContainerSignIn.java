package org.gitterjakarta.api.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The API signs callers in by bearer token ({@link TokenAuthenticationFilter}), not through the
 * container. This mechanism says so: in the EAR, Jakarta Security sees the web module's sign-in
 * mechanism and asks every module for one, and a module without any answers 500.
 */
@ApplicationScoped
public class NoContainerSignIn implements HttpAuthenticationMechanism {

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    return context.doNothing();
  }
}
