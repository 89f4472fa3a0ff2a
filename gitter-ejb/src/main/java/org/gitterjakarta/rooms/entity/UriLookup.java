package org.gitterjakarta.rooms.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * Gitter's urilookups: a lower-cased uri owned by one room ({@code troupeId}) or, for a community's
 * former uri, one community ({@code groupId}). Its id is the uri, so the unique {@code _id} decides
 * which of two rooms created at once gets a uri. A renamed room or community keeps its old lookups:
 * old addresses still lead to it, and nobody else can take them.
 */
@Entity("urilookups")
public record UriLookup(@Id String id, @Column String troupeId, @Column String groupId) {

  public static UriLookup ofRoom(String lcUri, String roomId) {
    return new UriLookup(lcUri, roomId, null);
  }

  public static UriLookup ofCommunity(String lcUri, String groupId) {
    return new UriLookup(lcUri, null, groupId);
  }
}
