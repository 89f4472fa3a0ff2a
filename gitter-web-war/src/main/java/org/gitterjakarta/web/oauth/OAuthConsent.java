package org.gitterjakarta.web.oauth;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import org.gitterjakarta.oauth.boundary.OAuthGrants;
import org.gitterjakarta.oauth.entity.OAuthClient;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.web.security.SecurityHeaders;
import org.gitterjakarta.web.security.WebSession;

/**
 * The consent page of the authorization-code grant: names the app and where it will send the person
 * back; "Allow" issues the code, "Deny" answers {@code access_denied}. Both go only to the app's
 * registered redirect uri.
 */
@Named
@ViewScoped
public class OAuthConsent implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject WebSession session;
  @Inject transient OAuthGrants grants;

  private String clientId;
  private String redirectUri;
  private String responseType;
  private String state;
  private String appName;
  private String problem;

  public void load() {
    try {
      OAuthClient client = grants.client(clientId, redirectUri);
      appName = client.name();
      URI back = URI.create(client.registeredRedirectUri());
      var response =
          (HttpServletResponse)
              FacesContext.getCurrentInstance().getExternalContext().getResponse();
      response.setHeader(
          "Content-Security-Policy",
          SecurityHeaders.policy(back.getScheme() + "://" + back.getRawAuthority()));
    } catch (Problem refused) {
      problem = refused.getMessage();
    }
  }

  public void allow() {
    UriBuilder back =
        UriBuilder.fromUri(grants.client(clientId, redirectUri).registeredRedirectUri());
    if ("code".equals(responseType)) {
      back.queryParam("code", grants.authorize(session.userId(), clientId, redirectUri));
    } else {
      back.queryParam("error", "unsupported_response_type");
    }
    leave(back);
  }

  public void deny() {
    leave(
        UriBuilder.fromUri(grants.client(clientId, redirectUri).registeredRedirectUri())
            .queryParam("error", "access_denied"));
  }

  private void leave(UriBuilder back) {
    if (state != null) {
      back.queryParam("state", state);
    }
    try {
      FacesContext.getCurrentInstance().getExternalContext().redirect(back.build().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String getAppName() {
    return appName;
  }

  public String getProblem() {
    return problem;
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  public String getRedirectUri() {
    return redirectUri;
  }

  public void setRedirectUri(String redirectUri) {
    this.redirectUri = redirectUri;
  }

  public String getResponseType() {
    return responseType;
  }

  public void setResponseType(String responseType) {
    this.responseType = responseType;
  }

  public String getState() {
    return state;
  }

  public void setState(String state) {
    this.state = state;
  }
}
