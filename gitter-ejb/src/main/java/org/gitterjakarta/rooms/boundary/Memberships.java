package org.gitterjakarta.rooms.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gitterjakarta.events.control.LiveEvents;
import org.gitterjakarta.events.entity.Envelope;
import org.gitterjakarta.groups.control.GroupRepository;
import org.gitterjakarta.groups.entity.Group;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.control.MembershipRepository;
import org.gitterjakarta.rooms.control.RoomAccess;
import org.gitterjakarta.rooms.control.RoomRepository;
import org.gitterjakarta.rooms.entity.Access;
import org.gitterjakarta.rooms.entity.Membership;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.rooms.entity.RoomSecurity;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.users.boundary.Users;
import org.gitterjakarta.users.entity.User;

/** Who is in which room: join, add, leave, kick, favourite, hide, and the lists. */
@Stateless
public class Memberships {

  private static final System.Logger LOGGER = System.getLogger(Memberships.class.getName());
  public static final int DEFAULT_USERS_LIMIT = 30;
  public static final int MAX_USERS_LIMIT = 100;

  @Inject Rooms rooms;
  @Inject RoomRepository roomStore;
  @Inject MembershipRepository memberships;
  @Inject RoomAccess access;
  @Inject RoomViews views;
  @Inject Users users;
  @Inject LiveEvents events;
  @Inject GroupRepository groups;

  public RoomJson join(String userId, String roomId) {
    var target = rooms.readableWithAccess(userId, roomId);
    Room room = target.room();
    Access rights = target.access();
    if (!rights.join()) {
      throw Problem.notAllowed("You are not allowed to join this room");
    }
    if (!rights.member()) {
      enter(room, userId);
    } else {
      memberships
          .findById(Membership.idOf(room.id(), userId))
          .filter(Membership::hidden)
          .ifPresent(m -> memberships.save(m.accessedAt(System.currentTimeMillis())));
    }
    return views.of(room, userId, true);
  }

  /** Adds an existing person: any member may add to open rooms, only admins to private ones. */
  public UserJson add(String actorId, String roomId, String username) {
    var target = rooms.readableWithAccess(actorId, roomId);
    Room room = target.room();
    Access rights = target.access();
    boolean allowed =
        room.security() == RoomSecurity.PRIVATE
            ? rights.admin()
            : rights.member() || rights.admin();
    if (room.isOneToOne() || !allowed) {
      throw Problem.notAllowed("You are not allowed to add people to this room");
    }
    User user =
        users.findByUsername(username).orElseThrow(() -> Problem.notFound("User not found"));
    if (memberships.findById(Membership.idOf(room.id(), user.id())).isEmpty()) {
      enter(room, user.id());
    }
    return UserJson.of(user);
  }

  /** Leaving yourself, or an admin removing someone; one-to-one rooms cannot be left. */
  public void remove(String actorId, String roomId, String userId) {
    Room room = rooms.readable(actorId, roomId);
    if (room.isOneToOne()) {
      throw Problem.invalid("You cannot leave a one-to-one room");
    }
    if (!actorId.equals(userId) && !access.of(room, actorId).admin()) {
      throw Problem.notAllowed("Only room admins can remove people");
    }
    Membership membership =
        memberships
            .findById(Membership.idOf(room.id(), userId))
            .orElseThrow(() -> Problem.notFound("User is not in this room"));
    memberships.delete(membership);
    events.publish("/api/v1/rooms/" + room.id() + "/users", Envelope.remove(Map.of("id", userId)));
    LOGGER.log(
        System.Logger.Level.INFO,
        "User {0} removed from room {1} by {2}",
        userId,
        room.id(),
        actorId);
  }

  /** Room members, oldest first, with {@code role: "admin"} for the room's admins. */
  public List<UserJson> members(String viewerId, String roomId, int skip, int limit) {
    Room room = rooms.readable(viewerId, roomId);
    int size = Math.min(Math.max(limit, 1), MAX_USERS_LIMIT);
    Optional<Group> group = Optional.ofNullable(room.groupId()).flatMap(groups::findById);
    return memberships
        .findByTroupeId(room.id(), jakarta.data.Limit.range(skip + 1L, skip + size))
        .stream()
        .map(m -> users.find(m.userId()).map(u -> withRole(room, group, u)))
        .flatMap(Optional::stream)
        .toList();
  }

  /** Admin marks from the room and its community, read once per page, not once per member. */
  private static UserJson withRole(Room room, Optional<Group> group, User user) {
    UserJson json = UserJson.of(user);
    boolean admin =
        !room.isOneToOne()
            && (room.administeredBy(user.id())
                || group.map(g -> g.isAdmin(user.id())).orElse(false));
    return admin ? json.asAdmin() : json;
  }

  /** The rooms of the person's left menu: memberships that are not hidden. */
  public List<RoomJson> roomsOf(String userId) {
    return memberships.findByUserId(userId).stream()
        .filter(m -> !m.hidden())
        .map(m -> roomStore.findById(m.troupeId()))
        .flatMap(Optional::stream)
        .map(room -> views.of(room, userId, false))
        .toList();
  }

  /** Favourite position (null or 0 removes) and last access; favouriting joins first. */
  public RoomJson update(String userId, String roomId, Integer favourite, boolean accessedNow) {
    Room room = rooms.readable(userId, roomId);
    Optional<Membership> existing = memberships.findById(Membership.idOf(room.id(), userId));
    if (existing.isEmpty()) {
      if (favourite == null || room.isOneToOne()) {
        throw Problem.notFound("You are not in this room");
      }
      join(userId, roomId);
      existing = memberships.findById(Membership.idOf(room.id(), userId));
    }
    Membership membership = existing.orElseThrow();
    if (favourite != null) {
      membership = membership.withFavourite(favourite > 0 ? favourite : null);
    }
    if (accessedNow) {
      membership = membership.accessedAt(System.currentTimeMillis());
    }
    memberships.save(membership);
    return views.of(room, userId, false);
  }

  public void hide(String userId, String roomId) {
    Room room = rooms.readable(userId, roomId);
    Membership membership =
        memberships
            .findById(Membership.idOf(room.id(), userId))
            .orElseThrow(() -> Problem.notFound("You are not in this room"));
    memberships.save(membership.hide());
  }

  private void enter(Room room, String userId) {
    memberships.save(Membership.join(room.id(), userId));
    users
        .find(userId)
        .ifPresent(
            user ->
                events.publish(
                    "/api/v1/rooms/" + room.id() + "/users", Envelope.create(UserJson.of(user))));
  }
}
