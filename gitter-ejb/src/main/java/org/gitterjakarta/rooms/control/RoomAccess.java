package org.gitterjakarta.rooms.control;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
  @Inject AccessFacts facts;
  @Inject MongoDatabase database;

  public Access of(Room room, String userId) {
    if (userId == null) {
      return Access.decide(room, null, false, false, false, false);
    }
    AccessFacts.Facts known = facts.of(userId, room.id(), () -> read(room, userId));
    if (known.banned()) {
      return Access.NONE;
    }
    Optional<Group> group =
        Optional.ofNullable(room.groupId())
            .flatMap(id -> cache.groups().find(id, groups::findById));
    boolean communityAdmin = group.map(g -> g.isAdmin(userId)).orElse(false);
    return Access.decide(room, userId, known.member(), known.inCommunity(), communityAdmin, false);
  }

  /** The facts as stored now; a banned person's other facts do not matter. */
  private AccessFacts.Facts read(Room room, String userId) {
    if (exists("troupebans", RoomBan.idOf(room.id(), userId))) {
      return new AccessFacts.Facts(true, false, false);
    }
    boolean member = exists("troupeusers", Membership.idOf(room.id(), userId));
    return new AccessFacts.Facts(false, member, member || isInCommunity(room, userId));
  }

  /**
   * One person's rights in many rooms at once, in a fixed number of queries whatever the number of
   * rooms (their bans, their memberships, the rooms' communities and the communities they are in):
   * for lists such as the left menu and explore.
   */
  public Map<String, Access> of(Collection<Room> rooms, String userId) {
    return of(rooms, userId, userId == null ? List.of() : memberships.findByUserId(userId));
  }

  /** As {@link #of(Collection, String)}, with the person's memberships already read. */
  public Map<String, Access> of(
      Collection<Room> rooms, String userId, Collection<Membership> theirs) {
    Map<String, Access> rights = new HashMap<>();
    if (userId == null || rooms.isEmpty()) {
      rooms.forEach(room -> rights.put(room.id(), of(room, null)));
      return rights;
    }
    Set<String> banned =
        idsOf("troupebans", rooms.stream().map(room -> RoomBan.idOf(room.id(), userId)).toList());
    Set<String> memberOf = theirs.stream().map(Membership::troupeId).collect(Collectors.toSet());
    Map<String, Group> groupsById = groupsOf(rooms);
    Set<String> theirCommunities = groupsById.isEmpty() ? Set.of() : communitiesOf(memberOf);
    for (Room room : rooms) {
      boolean member = memberOf.contains(room.id());
      Group group = room.groupId() == null ? null : groupsById.get(room.groupId());
      rights.put(
          room.id(),
          Access.decide(
              room,
              userId,
              member,
              member || (room.groupId() != null && theirCommunities.contains(room.groupId())),
              group != null && group.isAdmin(userId),
              banned.contains(RoomBan.idOf(room.id(), userId))));
    }
    return rights;
  }

  /** The communities of the given rooms, in one query. */
  public Map<String, Group> groupsOf(Collection<Room> rooms) {
    Set<String> ids =
        rooms.stream().map(Room::groupId).filter(Objects::nonNull).collect(Collectors.toSet());
    return ids.isEmpty()
        ? Map.of()
        : groups.findByIdIn(ids).stream().collect(Collectors.toMap(Group::id, g -> g));
  }

  /** The communities of the rooms a person is in, in one query. */
  private Set<String> communitiesOf(Set<String> roomIds) {
    Set<String> found = new HashSet<>();
    if (roomIds.isEmpty()) {
      return found;
    }
    database
        .getCollection("troupes")
        .find(Filters.in("_id", roomIds))
        .projection(Projections.include("groupId"))
        .forEach(
            room -> {
              if (room.getString("groupId") != null) {
                found.add(room.getString("groupId"));
              }
            });
    return found;
  }

  private Set<String> idsOf(String collection, List<String> ids) {
    Set<String> found = new HashSet<>();
    database
        .getCollection(collection)
        .find(Filters.in("_id", ids))
        .projection(Projections.include("_id"))
        .forEach(d -> found.add(d.getString("_id")));
    return found;
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
