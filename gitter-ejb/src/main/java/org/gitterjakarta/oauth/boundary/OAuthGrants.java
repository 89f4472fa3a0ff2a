package org.gitterjakarta.oauth.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.gitterjakarta.oauth.control.AuthorizationCodeRepository;
import org.gitterjakarta.oauth.control.OAuthClientRepository;
import org.gitterjakarta.oauth.entity.AuthorizationCode;
import org.gitterjakarta.oauth.entity.OAuthClient;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.tokens.boundary.Tokens;
import org.gitterjakarta.tokens.entity.IssuedToken;
import org.gitterjakarta.tokens.entity.TokenValues;

/**
 * The authorization-code grant: a signed-in user authorizes an app (a one-time code bound to the
 * app and its redirect uri), the app exchanges the code with its secret for the user's token. As on
 * Gitter, a user has one token per app: a new exchange replaces the old token.
 */
@Stateless
public class OAuthGrants {

  @Inject OAuthClientRepository clients;
  @Inject AuthorizationCodeRepository codes;
  @Inject Tokens tokens;

  /** Looks up the app a user is asked to authorize; the redirect uri must be the registered one. */
  public OAuthClient client(String clientKey, String redirectUri) {
    OAuthClient client =
        clients
            .findByClientKey(clientKey == null ? "" : clientKey)
            .orElseThrow(() -> Problem.invalid("invalid_client"));
    if (redirectUri != null && !redirectUri.equals(client.registeredRedirectUri())) {
      throw Problem.invalid("redirect_uri_mismatch");
    }
    return client;
  }

  /** The user says yes: a one-time code for the app. */
  public String authorize(String userId, String clientKey, String redirectUri) {
    OAuthClient client = client(clientKey, redirectUri);
    String code = TokenValues.generate();
    codes.insert(
        new AuthorizationCode(
            TokenValues.hash(code),
            client.id(),
            client.registeredRedirectUri(),
            userId,
            System.currentTimeMillis() + AuthorizationCode.LIFETIME_MILLIS));
    return code;
  }

  public IssuedToken exchange(
      String clientKey, String clientSecret, String code, String redirectUri) {
    OAuthClient client =
        clients
            .findByClientKey(clientKey == null ? "" : clientKey)
            .filter(
                c ->
                    clientSecret != null
                        && TokenValues.hash(clientSecret).equals(c.clientSecretHash()))
            .orElseThrow(() -> new Problem(Problem.Kind.NOT_AUTHENTICATED, "invalid_client"));
    AuthorizationCode grant =
        codes
            .findById(code == null ? "" : TokenValues.hash(code))
            .orElseThrow(() -> Problem.invalid("invalid_grant"));
    codes.delete(grant);
    boolean matches =
        grant.clientId().equals(client.id())
            && (redirectUri == null || redirectUri.equals(grant.redirectUri()));
    if (!matches || grant.expiredAt(System.currentTimeMillis())) {
      throw Problem.invalid("invalid_grant");
    }
    tokens.revokeAll(grant.userId(), client.id());
    return tokens.issue(grant.userId(), client.id(), client.name());
  }
}
