package org.gitterjakarta.memberships.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gitterjakarta.events.control.LiveEvents;
import org.gitterjakarta.events.control.Revocations;
import org.gitterjakarta.events.entity.Channels;
import org.gitterjakarta.events.entity.Envelope;
import org.gitterjakarta.events.entity.Revocation;
import org.gitterjakarta.groups.control.GroupRepository;
import org.gitterjakarta.groups.entity.Group;
import org.gitterjakarta.presence.boundary.Presence;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.control.BanRepository;
import org.gitterjakarta.rooms.control.DefaultModes;
import org.gitterjakarta.rooms.control.MembershipRepository;
import org.gitterjakarta.rooms.control.RoomAccess;
import org.gitterjakarta.rooms.entity.Access;
import org.gitterjakarta.rooms.entity.MemberJoined;
import org.gitterjakarta.rooms.entity.MemberLeft;
import org.gitterjakarta.rooms.entity.Membership;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.rooms.entity.RoomBan;
import org.gitterjakarta.rooms.entity.RoomSecurity;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.users.boundary.Users;
import org.gitterjakarta.users.entity.User;
import org.gitterjakarta.wire.IsoDates;

/**
 * Who is in which room: join, add, leave, kick, favourite, hide, and the member lists. Longer than
 * the house's ~200 lines: every way in or out of a room publishes the same live events and
 * revocations, and keeping them side by side keeps them alike.
 */
@Stateless
public class Memberships {

  private static final System.Logger LOGGER = System.getLogger(Memberships.class.getName());
  public static final int DEFAULT_USERS_LIMIT = 30;
  public static final int MAX_USERS_LIMIT = 100;

  /** People matched by name before keeping the room's members among them. */
  static final int SEARCH_CANDIDATES = 100;

  @Inject Rooms rooms;
  @Inject MembershipRepository memberships;
  @Inject RoomAccess access;
  @Inject Event<MemberJoined> joined;
  @Inject Event<MemberLeft> left;
  @Inject Users users;
  @Inject LiveEvents events;
  @Inject Revocations revocations;
  @Inject GroupRepository groups;
  @Inject DefaultModes defaultModes;
  @Inject BanRepository bans;
  @Inject Presence presence;

  /** Joins (or shows again, when hidden) a room the person may join; returns the room. */
  public Room join(String userId, String roomId) {
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
    return room;
  }

  /** Adds an existing person: any member may add to open rooms, only admins to private ones. */
  public UserJson add(String actorId, String roomId, String username) {
    Room room = checkMayAdd(actorId, roomId);
    User user =
        users.findByUsername(username).orElseThrow(() -> Problem.notFound("User not found"));
    if (bans.findById(RoomBan.idOf(room.id(), user.id())).isPresent()) {
      throw Problem.notAllowed(username + " is banned from this room");
    }
    if (memberships.findById(Membership.idOf(room.id(), user.id())).isEmpty()) {
      enter(room, user.id());
    }
    return UserJson.of(user);
  }

  /** The room, when the actor may add (or invite) people to it. */
  public Room checkMayAdd(String actorId, String roomId) {
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
    return room;
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
    events.publish(Channels.roomUsers(room.id()), Envelope.remove(Map.of("id", userId)));
    left.fire(new MemberLeft(room, userId));
    revocations.announce(Revocation.ofMember(room.id(), userId));
    LOGGER.log(
        System.Logger.Level.INFO,
        "User {0} removed from room {1} by {2}",
        userId,
        room.id(),
        actorId);
  }

  /** Gitter's skip limit, as for history. */
  static final int MAX_SKIP = 5000;

  /** Room members, oldest first, with {@code role: "admin"} and {@code online} marks. */
  public List<UserJson> members(String viewerId, String roomId, int skip, int limit) {
    if (skip < 0 || skip > MAX_SKIP) {
      throw Problem.invalid("skip must be between 0 and " + MAX_SKIP);
    }
    Room room = rooms.readable(viewerId, roomId);
    int size = Math.min(Math.max(limit, 1), MAX_USERS_LIMIT);
    List<User> people =
        memberships
            .findByTroupeId(room.id(), jakarta.data.Limit.range(skip + 1L, skip + size))
            .stream()
            .map(m -> users.find(m.userId()))
            .flatMap(Optional::stream)
            .toList();
    return marked(room, people);
  }

  /** The {@code @}-typeahead: members whose username or display name starts with the term. */
  public List<UserJson> searchMembers(String viewerId, String roomId, String term, int limit) {
    Room room = rooms.readable(viewerId, roomId);
    if (term == null || term.isBlank()) {
      throw Problem.invalid("q is required");
    }
    int size = Math.min(Math.max(limit, 1), MAX_USERS_LIMIT);
    List<User> found =
        users.search(term.strip(), SEARCH_CANDIDATES).stream()
            .filter(u -> memberships.findById(Membership.idOf(room.id(), u.id())).isPresent())
            .limit(size)
            .toList();
    return marked(room, found);
  }

  /** Admin marks (room and community read once per list) and presence (one Redis round trip). */
  private List<UserJson> marked(Room room, List<User> people) {
    Optional<Group> group = Optional.ofNullable(room.groupId()).flatMap(groups::findById);
    Set<String> online = presence.online(people.stream().map(User::id).toList());
    return people.stream()
        .map(u -> UserJson.of(u).inRoom(isAdmin(room, group, u), online.contains(u.id())))
        .toList();
  }

  private static boolean isAdmin(Room room, Optional<Group> group, User user) {
    return !room.isOneToOne()
        && (room.administeredBy(user.id()) || group.map(g -> g.isAdmin(user.id())).orElse(false));
  }

  /** The person has seen the room up to {@code time}; their left menu hears of it. */
  public void accessed(String userId, String roomId, long time) {
    Room room = rooms.readable(userId, roomId);
    Membership membership =
        memberships
            .findById(Membership.idOf(room.id(), userId))
            .orElseThrow(() -> Problem.notFound("You are not in this room"));
    memberships.save(membership.accessedAt(time));
    events.publish(
        Channels.userRooms(userId),
        Envelope.patch(Map.of("id", room.id(), "lastAccessTime", IsoDates.format(time))));
  }

  /** Favourite position (null or 0 removes) and last access; favouriting joins first. */
  public Room update(String userId, String roomId, Integer favourite, boolean accessedNow) {
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
    memberships.save(membership);
    if (favourite != null) {
      var patch = new java.util.HashMap<String, Object>();
      patch.put("id", room.id());
      patch.put("favourite", membership.favourite());
      events.publish(Channels.userRooms(userId), Envelope.patch(patch));
    }
    if (accessedNow) {
      accessed(userId, roomId, System.currentTimeMillis());
    }
    return room;
  }

  /**
   * Hides the room from the left menu until something new happens there; a muted community room is
   * left instead, as Gitter did.
   */
  public void hide(String userId, String roomId) {
    Room room = rooms.readable(userId, roomId);
    Membership membership =
        memberships
            .findById(Membership.idOf(room.id(), userId))
            .orElseThrow(() -> Problem.notFound("You are not in this room"));
    if (membership.lurk() && !room.isOneToOne()) {
      remove(userId, roomId, userId);
    } else {
      memberships.save(membership.hide());
    }
    var hidden = new java.util.HashMap<String, Object>();
    hidden.put("id", room.id());
    hidden.put("favourite", null);
    hidden.put("lastAccessTime", null);
    hidden.put("activity", 0);
    hidden.put("mentions", 0);
    hidden.put("unreadItems", 0);
    events.publish(Channels.userRooms(userId), Envelope.patch(hidden));
  }

  private void enter(Room room, String userId) {
    memberships.save(Membership.join(room.id(), userId, defaultModes.flagsFor(userId)));
    users
        .find(userId)
        .ifPresent(
            user ->
                events.publish(Channels.roomUsers(room.id()), Envelope.create(UserJson.of(user))));
    joined.fire(new MemberJoined(room, userId));
  }
}
