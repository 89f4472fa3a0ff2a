package org.gitterjakarta.unread.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.control.MembershipRepository;
import org.gitterjakarta.rooms.control.RoomRepository;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.unread.control.UnreadStore;

/** A person's unread items and mentions: read them, mark them read, list every room's. */
@Stateless
public class UnreadItems {

  @Inject Rooms rooms;
  @Inject RoomRepository roomStore;
  @Inject MembershipRepository memberships;
  @Inject UnreadStore store;

  public UnreadStore.Unread get(String userId, String roomId) {
    Room room = rooms.readable(userId, roomId);
    return store.of(userId, room.id());
  }

  /** Gitter's mark-as-read: {@code chat} and/or {@code mention} ids; both empty is a mistake. */
  public void markRead(String userId, String roomId, List<String> chat, List<String> mention) {
    if (chat.isEmpty() && mention.isEmpty()) {
      throw Problem.invalid("chat or mention ids are required");
    }
    Room room = rooms.readable(userId, roomId);
    var ids = new java.util.LinkedHashSet<>(chat);
    ids.addAll(mention);
    store.remove(userId, room.id(), ids);
  }

  public void markAllRead(String userId, String roomId) {
    Room room = rooms.readable(userId, roomId);
    store.clear(userId, room.id());
  }

  /** Every room of the person with unread items or mentions. */
  public List<RoomUnread> all(String userId) {
    return memberships.findByUserId(userId).stream()
        .map(m -> roomStore.findById(m.troupeId()))
        .flatMap(Optional::stream)
        .map(
            room -> {
              var unread = store.of(userId, room.id());
              return new RoomUnread(
                  room.id(), room.uri(), unread.chat().size(), unread.mention().size());
            })
        .filter(r -> r.unreadItems() > 0 || r.mentions() > 0)
        .toList();
  }

  /** {@code [{id, uri, unreadItems, mentions}]} of Gitter's aggregate. */
  public record RoomUnread(String id, String uri, int unreadItems, int mentions) {}
}
