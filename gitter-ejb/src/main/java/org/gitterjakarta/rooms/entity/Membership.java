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

  /** Mode "all", marked as following the person's default. */
  public static final int DEFAULT_FLAGS =
      NotificationMode.ALL.bits() | NotificationMode.Flags.DEFAULT;

  public static String idOf(String roomId, String userId) {
    return roomId + ":" + userId;
  }

  /** A new member with the person's default flags. */
  public static Membership join(String roomId, String userId, int flags) {
    long now = System.currentTimeMillis();
    return new Membership(idOf(roomId, userId), roomId, userId, flags, null, now, false, now);
  }

  public NotificationMode mode() {
    return NotificationMode.of(flags);
  }

  /** Muted rooms only show activity, not unread counts. */
  public boolean lurk() {
    return !NotificationMode.Flags.has(flags, NotificationMode.Flags.UNREAD);
  }

  public boolean has(int bit) {
    return NotificationMode.Flags.has(flags, bit);
  }

  public Membership withFlags(int newFlags) {
    return new Membership(
        id, troupeId, userId, newFlags, favourite, lastAccessTime, hidden, joinedAt);
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
