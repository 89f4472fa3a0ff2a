package org.gitterjakarta.web.security;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.gitterjakarta.tokens.boundary.Tokens;
import org.gitterjakarta.tokens.entity.IssuedToken;

/**
 * The signed-in person's browser session: who they are and the API token the page's script uses for
 * REST and Bayeux, as Gitter's web client had. The token is issued at sign-in and revoked at
 * sign-out.
 */
@Named
@SessionScoped
public class WebSession implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The name of the tokens issued to browser sessions. */
  public static final String TOKEN_NAME = "web session";

  @Inject transient Tokens tokens;

  private String userId;
  private String tokenId;
  private String token;

  public void start(String signedInUserId) {
    IssuedToken issued = tokens.issuePersonal(signedInUserId, TOKEN_NAME);
    this.userId = signedInUserId;
    this.tokenId = issued.token().id();
    this.token = issued.value();
  }

  public void end() {
    if (tokenId != null) {
      tokens.revoke(userId, tokenId);
    }
    userId = null;
    tokenId = null;
    token = null;
  }

  public String userId() {
    return userId;
  }

  public String token() {
    return token;
  }

  public boolean signedIn() {
    return userId != null;
  }
}
