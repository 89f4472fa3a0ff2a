package org.gitterjakarta.integrations.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * An incoming webhook of a room. Its secret (40 hex characters, the last part of the hook's URL) is
 * shown once, when created, and stored only as its SHA-256: like a token it has 160 random bits.
 * Revoking deletes the record, so the URL answers 404 from then on.
 */
@Entity("integrations")
public record Integration(
    @Id String id,
    @Column String troupeId,
    @Column String name,
    @Column String secretHash,
    @Column String createdBy,
    @Column long createdAt) {

  public static final int MAX_NAME_LENGTH = 60;
}
