package org.gitterjakarta.rooms.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.gitterjakarta.groups.control.GroupRepository;
import org.gitterjakarta.groups.entity.Group;
import org.gitterjakarta.messages.control.MessageStore;
import org.gitterjakarta.rooms.control.MembershipRepository;
import org.gitterjakarta.rooms.control.RoomAccess;
import org.gitterjakarta.rooms.entity.Access;
import org.gitterjakarta.rooms.entity.Membership;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.unread.control.UnreadStore;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.users.boundary.Users;

/** Builds the room JSON one person sees: names, counts, membership, rights. */
@ApplicationScoped
class RoomViews {

  @Inject GroupRepository groups;
  @Inject MembershipRepository memberships;
  @Inject RoomAccess access;
  @Inject Users users;
  @Inject UnreadStore unreads;
  @Inject MessageStore messages;

  /** Muted rooms show a dot when a message came after the person's last visit. */
  private Boolean activity(Room room, Membership membership) {
    if (membership == null || !membership.lurk()) {
      return null;
    }
    long lastVisit = membership.lastAccessTime() == null ? 0 : membership.lastAccessTime();
    return messages.lastSent(room.id()).map(sent -> sent > lastVisit).orElse(false);
  }

  RoomJson of(Room room, String viewerId, boolean withPermissions) {
    return of(room, viewerId, access.of(room, viewerId), withPermissions);
  }

  RoomJson of(Room room, String viewerId, Access rights, boolean withPermissions) {
    Membership membership =
        viewerId == null
            ? null
            : memberships.findById(Membership.idOf(room.id(), viewerId)).orElse(null);
    String communityName =
        room.groupId() == null ? null : groups.findById(room.groupId()).map(Group::name).orElse("");
    UserJson other =
        room.isOneToOne()
            ? users.find(room.otherUser(viewerId)).map(UserJson::of).orElse(null)
            : null;
    UnreadStore.Unread unread =
        viewerId == null
            ? new UnreadStore.Unread(List.of(), List.of())
            : unreads.of(viewerId, room.id());
    return RoomJson.of(
        room,
        communityName,
        membership,
        rights,
        memberships.countByTroupeId(room.id()),
        other,
        unread.chat().size(),
        unread.mention().size(),
        activity(room, membership),
        withPermissions);
  }
}
