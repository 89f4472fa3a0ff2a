package org.gitterjakarta.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gitterjakarta.mail.entity.Digest;
import org.gitterjakarta.messages.control.MessageStore;
import org.gitterjakarta.messages.entity.ChatMessage;
import org.gitterjakarta.rooms.control.MembershipRepository;
import org.gitterjakarta.rooms.control.RoomAccess;
import org.gitterjakarta.rooms.control.RoomCache;
import org.gitterjakarta.rooms.control.RoomRepository;
import org.gitterjakarta.rooms.entity.Membership;
import org.gitterjakarta.rooms.entity.NotificationMode;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.unread.control.UnreadStore;
import org.gitterjakarta.unread.entity.Unread;
import org.gitterjakarta.users.control.UserCache;
import org.gitterjakarta.users.control.UserRepository;
import org.gitterjakarta.users.entity.User;

/**
 * Reads one person's digest from their unread state: per room, what became unread after their last
 * digest. A room's mode decides what counts: {@code all} every unread message, {@code announcement}
 * only mentions, {@code mute} nothing; a room they are not in (mentioned there) only its mentions.
 */
@ApplicationScoped
public class DigestReader {

  static final int LATEST = 3;

  @Inject MembershipRepository memberships;
  @Inject RoomRepository roomRepository;
  @Inject RoomCache roomCache;
  @Inject UserRepository userRepository;
  @Inject UserCache userCache;
  @Inject UnreadStore unread;
  @Inject MessageStore messages;
  @Inject RoomAccess access;

  public Digest read(User user, long after) {
    Map<String, NotificationMode> modes = new LinkedHashMap<>();
    for (Membership m : memberships.findByUserId(user.id())) {
      modes.put(m.troupeId(), m.mode());
    }
    for (String roomId : unread.roomsWithMentions(user.id())) {
      modes.putIfAbsent(roomId, NotificationMode.ANNOUNCEMENT);
    }
    List<Digest.RoomUnread> rooms = new ArrayList<>();
    boolean urgent = false;
    for (var entry : modes.entrySet()) {
      if (entry.getValue() == NotificationMode.MUTE) {
        continue;
      }
      Unread fresh = unread.since(user.id(), entry.getKey(), after);
      List<String> counted =
          entry.getValue() == NotificationMode.ALL ? fresh.chat() : fresh.mention();
      if (counted.isEmpty()) {
        continue;
      }
      Optional<Room> room = room(entry.getKey());
      if (room.isEmpty() || !access.of(room.get(), user.id()).read()) {
        continue; // gone, or no longer theirs to read (kicked, banned, made private)
      }
      urgent |= !fresh.mention().isEmpty() || room.get().isOneToOne();
      rooms.add(roomUnread(user, room.get(), counted, fresh.mention().size()));
    }
    return new Digest(user.id(), user.displayNameOrUsername(), rooms, urgent);
  }

  private Digest.RoomUnread roomUnread(User user, Room room, List<String> ids, int mentions) {
    List<String> newest = ids.subList(Math.max(0, ids.size() - LATEST), ids.size());
    List<Digest.Line> lines = new ArrayList<>();
    for (ChatMessage m : messages.byIds(room.id(), newest)) {
      // a removed sender is still named, as the room's history names them ("Ghost" for a ghost)
      String sender = sender(m.fromUserId()).map(User::displayNameOrUsername).orElse("Someone");
      lines.add(new Digest.Line(sender, m.text(), m.html()));
    }
    String name;
    String path;
    if (room.isOneToOne()) {
      // a removed person keeps their name here, as their lines do, but has no room to link to
      Optional<User> other = sender(room.otherUser(user.id()));
      name = other.map(User::displayNameOrUsername).orElse("A conversation");
      path = other.filter(u -> !u.isRemoved()).map(User::username).orElse("");
    } else {
      name = room.uri();
      path = room.uri();
    }
    return new Digest.RoomUnread(room.id(), name, path, ids.size(), mentions, lines);
  }

  private Optional<Room> room(String id) {
    return roomCache.rooms().find(id, roomRepository::findById);
  }

  private Optional<User> sender(String id) {
    return id == null ? Optional.empty() : userCache.byId().find(id, userRepository::findById);
  }
}
