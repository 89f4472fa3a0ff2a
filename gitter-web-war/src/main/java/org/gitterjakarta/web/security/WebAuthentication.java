package org.gitterjakarta.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * Sign-in for browsers, shared-nothing: a successful sign-in issues the person a "web session" API
 * token (stored hashed, revocable, expiring) and sends it as an HttpOnly cookie; every later
 * request is authenticated from that cookie on whichever web instance it reaches. Nothing of the
 * login lives in one instance's HTTP session, so instances can be added, alternated and killed.
 */
@DeclareRoles(WebAuthentication.ROLE)
@ApplicationScoped
public class WebAuthentication implements HttpAuthenticationMechanism {

  public static final String ROLE = "user";

  private static final String RESOURCES = "/jakarta.faces.resource/";

  @Inject IdentityStoreHandler identityStores;
  @Inject SessionCookies cookies;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (credential != null) {
      return signIn(credential, request, response, context);
    }
    if (request.getRequestURI().startsWith(request.getContextPath() + RESOURCES)) {
      // style sheets, scripts and images are the same for everyone: no store read for them
      return context.doNothing();
    }
    return cookies
        .signedInUser(request)
        .map(userId -> context.notifyContainerAboutLogin(userId, Set.of(ROLE)))
        .orElseGet(
            () -> {
              cookies.dropIfPresent(request, response);
              return context.doNothing();
            });
  }

  private AuthenticationStatus signIn(
      Credential credential,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context) {
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      cookies.startSession(result.getCallerPrincipal().getName(), request, response);
    }
    // INVALID: SEND_FAILURE, the sign-in page says so
    return context.notifyContainerAboutLogin(result);
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    cookies.endSession(request, response);
    HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
  }
}
