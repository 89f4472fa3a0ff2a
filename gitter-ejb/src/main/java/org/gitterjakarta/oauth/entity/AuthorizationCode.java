package org.gitterjakarta.oauth.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * A one-time authorization code of the code grant, stored as the hash of its value (the id). It is
 * bound to the client and redirect uri it was issued for and expires after ten minutes.
 */
@Entity("oauthcodes")
public record AuthorizationCode(
    @Id String id,
    @Column String clientId,
    @Column String redirectUri,
    @Column String userId,
    @Column long expiresAt) {

  public static final long LIFETIME_MILLIS = 600_000;

  public boolean expiredAt(long now) {
    return now > expiresAt;
  }
}
