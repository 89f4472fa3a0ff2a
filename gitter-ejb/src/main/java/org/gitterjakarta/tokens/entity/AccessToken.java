package org.gitterjakarta.tokens.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * An API token, stored only as the SHA-256 of its value: the value itself (40 hex characters from
 * 160 random bits) is shown once, when issued. {@code clientId} is the OAuth app it was granted to,
 * or empty for a personal access token.
 */
@Entity("oauthaccesstokens")
public record AccessToken(
    @Id String id,
    @Column String tokenHash,
    @Column String userId,
    @Column String clientId,
    @Column String name,
    @Column long createdAt) {

  public static final String PERSONAL = "";

  public boolean isPersonal() {
    return clientId == null || clientId.isEmpty();
  }
}
