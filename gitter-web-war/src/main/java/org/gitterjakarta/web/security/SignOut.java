package org.gitterjakarta.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Signing out ends the login (the mechanism revokes the session's token and drops its cookie) and
 * whatever this instance kept in an HTTP session.
 */
@Named
@RequestScoped
public class SignOut {

  @Inject FacesContext faces;

  public void submit() throws ServletException {
    ExternalContext context = faces.getExternalContext();
    ((HttpServletRequest) context.getRequest()).logout();
    context.invalidateSession();
    faces.responseComplete();
    SignIn.redirect(context, "/");
  }
}
