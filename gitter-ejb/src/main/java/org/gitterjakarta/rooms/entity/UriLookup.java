package org.gitterjakarta.rooms.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * Gitter's urilookups: a lower-cased room uri owned by one room. Its id is the uri, so the unique
 * {@code _id} decides which of two rooms created at once gets a uri.
 */
@Entity("urilookups")
public record UriLookup(@Id String id, @Column String troupeId) {}
