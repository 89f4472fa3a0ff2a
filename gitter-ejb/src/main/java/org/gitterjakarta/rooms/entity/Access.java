package org.gitterjakarta.rooms.entity;

/**
 * What one person may do in one room. Gitter's rules: the banned may do nothing; public rooms are
 * readable by anyone; one-to-one rooms only by their two people; private rooms by members and
 * admins; inherited rooms by anyone in the community. Writing needs membership; admins are the
 * room's creator, its extra admins and the community's admins.
 */
public record Access(boolean member, boolean admin, boolean read, boolean join, boolean write) {

  public static final Access NONE = new Access(false, false, false, false, false);

  /**
   * @param userId null for an anonymous reader
   * @param inCommunity whether the person is in some room of the room's community
   * @param communityAdmin whether the person administers the room's community
   */
  public static Access decide(
      Room room,
      String userId,
      boolean member,
      boolean inCommunity,
      boolean communityAdmin,
      boolean banned) {
    if (banned) {
      return NONE;
    }
    if (room.isOneToOne()) {
      boolean participant = room.isParticipant(userId);
      return new Access(member, false, participant, participant, participant && member);
    }
    boolean signedIn = userId != null;
    boolean admin = signedIn && (communityAdmin || room.administeredBy(userId));
    boolean join =
        switch (room.security()) {
          case PUBLIC -> signedIn;
          case INHERITED -> signedIn && (inCommunity || admin);
          case PRIVATE, ONE_TO_ONE -> admin;
        };
    boolean read = room.security() == RoomSecurity.PUBLIC || member || admin || join;
    return new Access(member, admin, read, join || member, member);
  }
}
