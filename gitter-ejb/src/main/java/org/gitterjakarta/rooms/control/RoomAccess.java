package org.gitterjakarta.rooms.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gitterjakarta.groups.control.GroupRepository;
import org.gitterjakarta.groups.entity.Group;
import org.gitterjakarta.rooms.entity.Access;
import org.gitterjakarta.rooms.entity.Membership;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.rooms.entity.RoomBan;

/** Gathers what {@link Access#decide} needs about a person and a room, from the stores. */
@ApplicationScoped
public class RoomAccess {

  @Inject MembershipRepository memberships;
  @Inject RoomRepository rooms;
  @Inject GroupRepository groups;
  @Inject BanRepository bans;

  public Access of(Room room, String userId) {
    if (userId == null) {
      return Access.decide(room, null, false, false, false, false);
    }
    if (bans.findById(RoomBan.idOf(room.id(), userId)).isPresent()) {
      return Access.NONE;
    }
    boolean member = memberships.findById(Membership.idOf(room.id(), userId)).isPresent();
    Optional<Group> group = Optional.ofNullable(room.groupId()).flatMap(groups::findById);
    boolean communityAdmin = group.map(g -> g.isAdmin(userId)).orElse(false);
    boolean inCommunity = member || isInCommunity(room, userId);
    return Access.decide(room, userId, member, inCommunity, communityAdmin, false);
  }

  private boolean isInCommunity(Room room, String userId) {
    if (room.groupId() == null) {
      return false;
    }
    Set<String> mine =
        memberships.findByUserId(userId).stream()
            .map(Membership::troupeId)
            .collect(Collectors.toSet());
    return rooms.findByGroupId(room.groupId()).stream().anyMatch(r -> mine.contains(r.id()));
  }
}
