package org.gitterjakarta.rooms.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * A person banned from a room. Its id is {@code <roomId>:<userId>}, so the check on every access is
 * one lookup by id and banning twice is the same write.
 */
@Entity("troupebans")
public record RoomBan(
    @Id String id,
    @Column String troupeId,
    @Column String userId,
    @Column String bannedBy,
    @Column long dateBanned) {

  public static String idOf(String roomId, String userId) {
    return roomId + ":" + userId;
  }

  public static RoomBan of(String roomId, String userId, String bannedBy) {
    return new RoomBan(idOf(roomId, userId), roomId, userId, bannedBy, System.currentTimeMillis());
  }
}
