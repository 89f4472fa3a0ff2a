package org.gitterjakarta.moderation.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gitterjakarta.events.control.LiveEvents;
import org.gitterjakarta.events.entity.Channels;
import org.gitterjakarta.events.entity.Envelope;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.control.RoomCache;
import org.gitterjakarta.rooms.control.RoomRepository;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.rooms.entity.RoomChanged;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.users.boundary.Users;
import org.gitterjakarta.users.entity.User;

/**
 * A room's security descriptor and its manual admins ({@code extraAdmins}), managed by the room's
 * admins. The kind of security is fixed at creation, as on Gitter.
 */
@Stateless
public class RoomAdmins {

  @Inject Rooms rooms;
  @Inject RoomRepository store;
  @Inject RoomCache cache;
  @Inject Users users;
  @Inject LiveEvents events;
  @Inject Event<RoomChanged> changed;

  /** The room's security descriptor: for its admins, as on Gitter (others get 403). */
  public SecurityJson security(String userId, String roomId) {
    return SecurityJson.of(seenByAdmin(userId, roomId));
  }

  /** {@code PUT .../security}: a new extra admin list; changing the type is refused. */
  public SecurityJson change(String adminId, String roomId, String type, List<String> extra) {
    Room room = administered(adminId, roomId);
    SecurityJson current = SecurityJson.of(room);
    if (type != null && !type.equals(current.type())) {
      throw Problem.invalid("The security of a room cannot be changed after creation");
    }
    if (extra != null) {
      extra.forEach(this::listable);
      room = save(room.withExtraAdmins(extra.stream().distinct().toList()));
    }
    return SecurityJson.of(room);
  }

  public List<UserJson> extraAdmins(String userId, String roomId) {
    Room room = seenByAdmin(userId, roomId);
    return room.extraAdmins().stream()
        .map(users::find)
        .flatMap(Optional::stream)
        .map(UserJson::of)
        .toList();
  }

  public UserJson addExtraAdmin(String adminId, String roomId, String userId) {
    Room room = administered(adminId, roomId);
    User user = existing(userId);
    if (!room.extraAdmins().contains(user.id())) {
      var admins = new ArrayList<>(room.extraAdmins());
      admins.add(user.id());
      save(room.withExtraAdmins(admins));
    }
    return UserJson.of(user);
  }

  public void removeExtraAdmin(String adminId, String roomId, String userId) {
    Room room = administered(adminId, roomId);
    if (!room.extraAdmins().contains(userId)) {
      throw Problem.notFound("Not an extra admin of this room");
    }
    var admins = new ArrayList<>(room.extraAdmins());
    admins.remove(userId);
    save(room.withExtraAdmins(admins));
  }

  private Room save(Room room) {
    Room saved = store.update(room);
    cache.rooms().forget(room.id());
    events.publish(
        Channels.room(room.id()),
        Envelope.patch(java.util.Map.of("id", room.id(), "v", saved.v())));
    changed.fire(new RoomChanged(saved));
    return saved;
  }

  private Room administered(String adminId, String roomId) {
    cache.rooms().forget(roomId == null ? "" : roomId); // change the stored room, not a kept copy
    var target = rooms.readableWithAccess(adminId, roomId);
    if (!target.access().admin()) {
      throw Problem.notAllowed("Only room admins can change the room's security");
    }
    return nonOneToOne(target.room());
  }

  private static Room nonOneToOne(Room room) {
    if (room.isOneToOne()) {
      throw Problem.invalid("One-to-one rooms have no security descriptor");
    }
    return room;
  }

  private Room seenByAdmin(String userId, String roomId) {
    var target = rooms.readableWithAccess(userId, roomId);
    if (!target.access().admin()) {
      throw Problem.notAllowed("Only room admins can see the room's security");
    }
    return nonOneToOne(target.room());
  }

  /** A person named in a new extra admin list: one that does not exist makes the list invalid. */
  private void listable(String userId) {
    try {
      existing(userId);
    } catch (Problem unknown) {
      throw Problem.invalid("Not a user: " + userId);
    }
  }

  private User existing(String userId) {
    if (userId == null || !org.bson.types.ObjectId.isValid(userId)) {
      throw Problem.invalid("Invalid MongoId: " + userId);
    }
    return users.find(userId).orElseThrow(() -> Problem.notFound("User not found"));
  }
}
