package org.gitterjakarta.ws.bayeux;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Bayeux clients authenticate in their handshake (ext.token), not through the container. In the
 * EAR, Jakarta Security sees the web module's sign-in mechanism and asks every module for one; a
 * module without any answers 500, so this one lets every request through as it is.
 */
@ApplicationScoped
public class NoContainerSignIn implements HttpAuthenticationMechanism {

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    return context.doNothing();
  }
}
