package org.gitterjakarta.api.oauth;

import org.gitterjakarta.oauth.entity.OAuthClient;

/** Gitter's OAuth client shape; the secret appears only in the registration answer. */
public record OAuthClientJson(
    String id,
    String name,
    String clientKey,
    String clientSecret,
    String registeredRedirectUri,
    String ownerUserId,
    boolean revoked) {

  static OAuthClientJson of(OAuthClient client, String secret) {
    return new OAuthClientJson(
        client.id(),
        client.name(),
        client.clientKey(),
        secret,
        client.registeredRedirectUri(),
        client.ownerUserId(),
        false);
  }
}
