package org.gitterjakarta.rooms.entity;

/** Who may read and join a room. */
public enum RoomSecurity {
  /** Anyone reads, anyone signed in joins. */
  PUBLIC,
  /** Invite only: members and admins. */
  PRIVATE,
  /** Anyone who is in some room of the community. */
  INHERITED,
  /** The two people of a one-to-one conversation. */
  ONE_TO_ONE
}
