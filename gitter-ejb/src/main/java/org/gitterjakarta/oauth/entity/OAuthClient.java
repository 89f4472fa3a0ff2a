package org.gitterjakarta.oauth.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * A third-party app registered by a user. Its key is public; its secret is shown once, at
 * registration, and stored only as a hash, like tokens.
 */
@Entity("oauthclients")
public record OAuthClient(
    @Id String id,
    @Column String name,
    @Column String clientKey,
    @Column String clientSecretHash,
    @Column String registeredRedirectUri,
    @Column String ownerUserId,
    @Column long createdAt) {}
