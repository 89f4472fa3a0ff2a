package org.gitterjakarta.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Sign-in for browsers: Jakarta Security's custom form mechanism, with the Faces sign-in page as
 * the form. Protected pages send a visitor there and back.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue = @LoginToContinue(loginPage = "/signin.xhtml", useForwardToLogin = false))
@DeclareRoles(WebAuthentication.ROLE)
@ApplicationScoped
public class WebAuthentication {

  public static final String ROLE = "user";
}
