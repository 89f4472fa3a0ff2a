package org.gitterjakarta.rooms.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * A person in a room (Gitter's troupeuser). Its id is {@code <roomId>:<userId>}, so joining twice
 * is the same write. {@code flags} is Gitter's notification bit field; {@code hidden} removes the
 * room from the person's list until something new happens in it.
 */
@Entity("troupeusers")
public record Membership(
    @Id String id,
    @Column String troupeId,
    @Column String userId,
    @Column int flags,
    @Column Integer favourite,
    @Column Long lastAccessTime,
    @Column boolean hidden,
    @Column long joinedAt) {

  /** unread(1) | mention(4) | announcement(8) | default(16) | desktop(32) | mobile(64). */
  public static final int DEFAULT_FLAGS = 1 | 4 | 8 | 16 | 32 | 64;

  public static String idOf(String roomId, String userId) {
    return roomId + ":" + userId;
  }

  public static Membership join(String roomId, String userId) {
    long now = System.currentTimeMillis();
    return new Membership(
        idOf(roomId, userId), roomId, userId, DEFAULT_FLAGS, null, now, false, now);
  }

  public Membership withFavourite(Integer position) {
    return new Membership(id, troupeId, userId, flags, position, lastAccessTime, false, joinedAt);
  }

  public Membership accessedAt(long time) {
    return new Membership(id, troupeId, userId, flags, favourite, time, false, joinedAt);
  }

  public Membership hide() {
    return new Membership(id, troupeId, userId, flags, null, null, true, joinedAt);
  }
}
