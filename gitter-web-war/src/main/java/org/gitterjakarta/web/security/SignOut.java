package org.gitterjakarta.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/** Signing out revokes the page's API token, ends the login and drops the session. */
@Named
@RequestScoped
public class SignOut {

  @Inject FacesContext faces;
  @Inject WebSession session;

  public void submit() throws ServletException {
    ExternalContext context = faces.getExternalContext();
    session.end();
    ((HttpServletRequest) context.getRequest()).logout();
    context.invalidateSession();
    faces.responseComplete();
    SignIn.redirect(context, "/");
  }
}
