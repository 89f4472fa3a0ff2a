package org.gitterjakarta.rooms.boundary;

import jakarta.data.Limit;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.gitterjakarta.events.control.LiveEvents;
import org.gitterjakarta.events.control.Revocations;
import org.gitterjakarta.events.entity.Channels;
import org.gitterjakarta.events.entity.Envelope;
import org.gitterjakarta.events.entity.Revocation;
import org.gitterjakarta.groups.control.GroupRepository;
import org.gitterjakarta.groups.entity.Group;
import org.gitterjakarta.groups.entity.Names;
import org.gitterjakarta.mongo.control.DuplicateKeys;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.control.AccessFacts;
import org.gitterjakarta.rooms.control.AddressWrites;
import org.gitterjakarta.rooms.control.DefaultModes;
import org.gitterjakarta.rooms.control.MembershipRepository;
import org.gitterjakarta.rooms.control.RoomAccess;
import org.gitterjakarta.rooms.control.RoomCache;
import org.gitterjakarta.rooms.control.RoomRepository;
import org.gitterjakarta.rooms.control.RoomSearchIndex;
import org.gitterjakarta.rooms.control.UriLookupRepository;
import org.gitterjakarta.rooms.entity.Access;
import org.gitterjakarta.rooms.entity.MemberJoined;
import org.gitterjakarta.rooms.entity.Membership;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.rooms.entity.RoomChanged;
import org.gitterjakarta.rooms.entity.RoomDeleted;
import org.gitterjakarta.rooms.entity.RoomSecurity;
import org.gitterjakarta.rooms.entity.UriLookup;
import org.gitterjakarta.users.boundary.Users;
import org.gitterjakarta.users.entity.User;

/**
 * Creating, finding, resolving, changing and deleting rooms; every call checks the caller. Longer
 * than the house's ~200 lines: a room's whole life (its uri claim, search entry, cache and the
 * revocations its deletion sends) is kept in one place so that no step of it is forgotten.
 */
@Stateless
public class Rooms {

  private static final System.Logger LOGGER = System.getLogger(Rooms.class.getName());
  static final int MAX_TOPIC_LENGTH = 4096;

  @Inject RoomRepository rooms;
  @Inject RoomCache cache;
  @Inject Revocations revocations;
  @Inject AccessFacts accessFacts;
  @Inject LiveEvents events;
  @Inject UriLookupRepository uris;
  @Inject AddressWrites addresses;
  @Inject GroupRepository groups;
  @Inject MembershipRepository memberships;
  @Inject RoomAccess access;
  @Inject DefaultModes defaultModes;
  @Inject RoomSearchIndex searchIndex;
  @Inject Users users;
  @Inject Event<RoomDeleted> deleted;
  @Inject Event<RoomChanged> changed;
  @Inject Event<MemberJoined> joined;

  /** A new room in a community, by one of its admins; the creator joins it. */
  public Room create(String userId, String groupId, NewRoom newRoom) {
    Group group =
        Optional.ofNullable(groupId)
            .flatMap(groups::findById)
            .orElseThrow(() -> Problem.notFound("Group not found"));
    if (!group.isAdmin(userId)) {
      throw Problem.notAllowed("Only community admins can create rooms");
    }
    Names.roomNameProblem(newRoom.name())
        .ifPresent(
            reason -> {
              throw Problem.invalid(reason);
            });
    RoomSecurity security = newRoom.security() == null ? RoomSecurity.PUBLIC : newRoom.security();
    if (security == RoomSecurity.ONE_TO_ONE) {
      throw Problem.invalid("Invalid security: ONE_TO_ONE");
    }
    checkTopic(newRoom.topic());
    Room room =
        Room.inCommunity(
            new ObjectId().toHexString(),
            group.id(),
            group.uri(),
            newRoom.name(),
            newRoom.topic(),
            security,
            userId);
    claimUri(room);
    rooms.insert(room);
    searchIndex.index(room, group.name());
    memberships.save(Membership.join(room.id(), userId, defaultModes.flagsFor(userId)));
    joined.fire(new MemberJoined(room, userId));
    LOGGER.log(System.Logger.Level.INFO, "Room {0} created by {1}", room.uri(), userId);
    return room;
  }

  private void claimUri(Room room) {
    Optional<UriLookup> held = uris.findById(room.lcUri());
    if (held.isPresent() && room.id().equals(held.get().troupeId())) {
      return; // back to one of its own former addresses
    }
    if (held.isPresent()) {
      throw Problem.conflict("Room " + room.uri() + " already exists");
    }
    try {
      uris.insert(UriLookup.ofRoom(room.lcUri(), room.id()));
    } catch (RuntimeException e) {
      if (DuplicateKeys.isDuplicateKey(e)) {
        throw Problem.conflict("Room " + room.uri() + " already exists");
      }
      throw e;
    }
  }

  /** A room the caller may read; others are "not found", so their existence stays hidden. */
  // read on every request: no transaction begun and ended for it (MongoDB takes no part in JTA)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Room readable(String userId, String roomId) {
    return readableWithAccess(userId, roomId).room();
  }

  /**
   * Forgets what this instance keeps about the rooms and people a revocation names: live paths call
   * it before they check access again, so the check reads what is stored now.
   */
  public void revoked(Revocation revocation) {
    if (revocation.roomId() != null) {
      cache.rooms().forget(revocation.roomId());
    }
    accessFacts.revoked(revocation);
  }

  /** A room by id whoever asks: for moderation and internal follow-ups, never for callers. */
  public Optional<Room> find(String roomId) {
    return Optional.ofNullable(roomId).flatMap(id -> cache.rooms().find(id, rooms::findById));
  }

  /** A readable room with the caller's rights, decided once (the send path needs both). */
  public RoomAndAccess readableWithAccess(String userId, String roomId) {
    Room room =
        Optional.ofNullable(roomId)
            .flatMap(id -> cache.rooms().find(id, rooms::findById))
            .orElseThrow(() -> Problem.notFound("Room not found"));
    Access rights = access.of(room, userId);
    if (!rights.read()) {
      throw Problem.notFound("Room not found");
    }
    return new RoomAndAccess(room, rights);
  }

  /** A room and what one person may do in it. */
  public record RoomAndAccess(Room room, Access access) {}

  /**
   * The newest listed public room, if any: a warm-up before readiness reads a real room's way
   * through the access checks with it, for someone who exists nowhere (nothing is written).
   */
  public Optional<String> newestPublicRoomId() {
    return rooms
        .findBySecurityAndNoindexOrderByCreatedAtDesc(RoomSecurity.PUBLIC, false, Limit.of(1))
        .stream()
        .findFirst()
        .map(Room::id);
  }

  public Access accessOf(String userId, Room room) {
    return access.of(room, userId);
  }

  /**
   * Gitter's {@code POST /v1/rooms {uri}}: a community room the caller can read, or for a username
   * the one-to-one room with that person, created on first use.
   */
  public Room resolve(String userId, String uri) {
    if (uri == null || uri.isBlank()) {
      throw Problem.invalid("uri is required");
    }
    String clean = uri.strip().replaceAll("^/+|/+$", "");
    if (clean.contains("/")) {
      return byUri(clean)
          .filter(room -> access.of(room, userId).read())
          .orElseThrow(() -> Problem.notFound("Room not found"));
    }
    User other =
        users
            .findByUsername(clean)
            .filter(u -> !u.id().equals(userId))
            .orElseThrow(() -> Problem.notFound("Room not found"));
    return oneToOne(userId, other.id());
  }

  /** A community room by its address, or by one it had before a rename. */
  private Optional<Room> byUri(String uri) {
    String lcUri = Names.lowerCase(uri);
    return rooms
        .findByLcUri(lcUri)
        .or(
            () ->
                uris.findById(lcUri)
                    .map(UriLookup::troupeId)
                    .flatMap(id -> Optional.ofNullable(id).flatMap(rooms::findById)));
  }

  private Room oneToOne(String userId, String otherId) {
    String id = Room.oneToOneId(userId, otherId);
    Optional<Room> existing = rooms.findById(id);
    if (existing.isPresent()) {
      return existing.get();
    }
    Room room = Room.oneToOne(userId, otherId);
    try {
      rooms.insert(room);
    } catch (RuntimeException e) {
      if (DuplicateKeys.isDuplicateKey(e)) {
        return rooms.findById(id).orElseThrow(() -> e);
      }
      throw e;
    }
    memberships.save(Membership.join(room.id(), userId, defaultModes.flagsFor(userId)));
    memberships.save(Membership.join(room.id(), otherId, defaultModes.flagsFor(otherId)));
    joined.fire(new MemberJoined(room, userId));
    joined.fire(new MemberJoined(room, otherId));
    return room;
  }

  public Room update(String userId, String roomId, RoomChanges changes) {
    cache.rooms().forget(roomId == null ? "" : roomId); // change the stored room, not a kept copy
    Room room = readable(userId, roomId);
    if (!access.of(room, userId).admin()) {
      throw Problem.notAllowed("Only room admins can change the room");
    }
    if (changes.topic() != null) {
      checkTopic(changes.topic());
      room = room.withTopic(changes.topic());
    }
    if (changes.tags() != null) {
      room = room.withTags(cleanTags(changes.tags()));
    }
    if (changes.noindex() != null) {
      room = room.withNoindex(changes.noindex());
    }
    boolean renaming = changes.name() != null && !changes.name().equals(room.name());
    if (renaming) {
      room = renamed(room, changes.name());
    }
    Room updated = rooms.update(room);
    cache.rooms().forget(room.id());
    if (renaming) {
      revocations.announce(Revocation.ofRoom(room.id())); // other instances forget the old address
    }
    searchIndex.index(updated, communityName(updated));
    // open room pages show the new topic (and tags) without reloading
    var change = new java.util.HashMap<String, Object>();
    change.put("id", updated.id());
    change.put("topic", updated.topic() == null ? "" : updated.topic());
    change.put("tags", updated.tags() == null ? java.util.List.of() : updated.tags());
    change.put("v", updated.v());
    events.publish(Channels.room(updated.id()), Envelope.patch(change));
    changed.fire(new RoomChanged(updated));
    return updated;
  }

  /**
   * {@code GET /v1/rooms?q=}: community rooms whose community, name or topic match every word,
   * among those anyone may find and the caller's own.
   */
  private String communityName(Room room) {
    return Optional.ofNullable(room.groupId())
        .flatMap(groups::findById)
        .map(Group::name)
        .orElse("");
  }

  public void delete(String userId, String roomId) {
    Room room = readable(userId, roomId);
    if (room.isOneToOne()) {
      throw Problem.invalid("One-to-one rooms cannot be deleted");
    }
    if (!access.of(room, userId).admin()) {
      throw Problem.notAllowed("Only room admins can delete the room");
    }
    List<Membership> members = memberships.findByTroupeId(room.id());
    members.forEach(memberships::delete);
    rooms.delete(room);
    cache.rooms().forget(room.id());
    // its address and any it had before a rename become free again
    uris.findByTroupeId(room.id()).forEach(lookup -> uris.deleteById(lookup.id()));
    deleted.fire(
        new RoomDeleted(
            room.id(), room.groupId(), members.stream().map(Membership::userId).toList()));
    revocations.announce(Revocation.ofRoom(room.id()));
    LOGGER.log(System.Logger.Level.INFO, "Room {0} deleted by {1}", room.uri(), userId);
  }

  /** The room under its new name, the new address claimed (the old one stays the room's). */
  private Room renamed(Room room, String newName) {
    if (room.isOneToOne()) {
      throw Problem.invalid("One-to-one rooms have no name to change");
    }
    Names.roomNameProblem(newName)
        .ifPresent(
            reason -> {
              throw Problem.invalid(reason);
            });
    Group group =
        groups.findById(room.groupId()).orElseThrow(() -> Problem.notFound("Group not found"));
    Room renamed = room.renamed(group.uri(), newName);
    if (!renamed.lcUri().equals(room.lcUri())) {
      claimUri(renamed);
    }
    LOGGER.log(System.Logger.Level.INFO, "Room {0} renamed to {1}", room.uri(), renamed.uri());
    return renamed;
  }

  /**
   * Moves every room of a community to the community's new uri (a community rename): each new
   * address is claimed, the old ones stay with their rooms. Claims are checked first, so a taken
   * address changes nothing.
   */
  public List<Room> moveToCommunity(Group renamed) {
    List<Room> current = rooms.findByGroupId(renamed.id());
    for (Room room : current) {
      Room moved = room.renamed(renamed.uri(), room.name());
      uris.findById(moved.lcUri())
          .filter(held -> !room.id().equals(held.troupeId()))
          .ifPresent(
              held -> {
                throw Problem.conflict("Room " + moved.uri() + " already exists");
              });
    }
    List<Room> updated = new java.util.ArrayList<>();
    for (Room room : current) {
      Room saved = move(room, renamed.uri());
      cache.rooms().forget(saved.id());
      searchIndex.index(saved, renamed.name());
      // other instances drop their copy of the room (readers are checked again, and stay)
      revocations.announce(Revocation.ofRoom(saved.id()));
      changed.fire(new RoomChanged(saved));
      updated.add(saved);
    }
    return updated;
  }

  /** One room under the community's new uri; read again when it changed meanwhile. */
  private Room move(Room read, String communityUri) {
    Room room = read;
    for (int attempt = 0; attempt < 3; attempt++) {
      Room moved = room.renamed(communityUri, room.name());
      claimUri(moved);
      if (addresses.room(room, moved)) {
        return rooms.findById(room.id()).orElse(moved);
      }
      room = rooms.findById(read.id()).orElseThrow(() -> Problem.notFound("Room not found"));
    }
    throw Problem.conflict("Room " + read.uri() + " kept changing; try the rename again");
  }

  private static void checkTopic(String topic) {
    if (topic != null && topic.length() > MAX_TOPIC_LENGTH) {
      throw Problem.invalid("Topic is too long (4096 characters at most)");
    }
  }

  private static List<String> cleanTags(List<String> tags) {
    return tags.stream()
        .map(String::strip)
        .filter(t -> !t.isEmpty() && t.length() <= 40)
        .map(Names::lowerCase)
        .distinct()
        .limit(20)
        .toList();
  }
}
