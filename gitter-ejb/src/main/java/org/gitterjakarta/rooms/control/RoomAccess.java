package org.gitterjakarta.rooms.control;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
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
  @Inject RoomCache cache;
  @Inject MongoDatabase database;

  public Access of(Room room, String userId) {
    if (userId == null) {
      return Access.decide(room, null, false, false, false, false);
    }
    if (exists("troupebans", RoomBan.idOf(room.id(), userId))) {
      return Access.NONE;
    }
    boolean member = exists("troupeusers", Membership.idOf(room.id(), userId));
    Optional<Group> group =
        Optional.ofNullable(room.groupId())
            .flatMap(id -> cache.groups().find(id, groups::findById));
    boolean communityAdmin = group.map(g -> g.isAdmin(userId)).orElse(false);
    boolean inCommunity = member || isInCommunity(room, userId);
    return Access.decide(room, userId, member, inCommunity, communityAdmin, false);
  }

  /**
   * Whether a document with this id exists, asked of the driver directly: this runs on every
   * request about a room, and mapping whole entities only to test presence costs more than the
   * lookup itself.
   */
  private boolean exists(String collection, String id) {
    return database
            .getCollection(collection)
            .find(Filters.eq("_id", id))
            .projection(Projections.include("_id"))
            .first()
        != null;
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
