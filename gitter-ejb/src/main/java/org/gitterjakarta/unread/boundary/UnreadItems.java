package org.gitterjakarta.unread.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.gitterjakarta.memberships.boundary.Memberships;
import org.gitterjakarta.messages.boundary.ReadBy;
import org.gitterjakarta.messages.control.MessageStore;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.control.MembershipRepository;
import org.gitterjakarta.rooms.control.RoomRepository;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.unread.control.UnreadEvents;
import org.gitterjakarta.unread.control.UnreadFanout;
import org.gitterjakarta.unread.control.UnreadStore;
import org.gitterjakarta.unread.entity.Unread;

/** A person's unread items and mentions: read them, mark them read, list every room's. */
@Stateless
public class UnreadItems {

  /** Ids made by a client whose clock runs a little ahead are still accepted. */
  static final long CLOCK_SKEW_MILLIS = 60_000;

  @Inject Rooms rooms;
  @Inject RoomRepository roomStore;
  @Inject MembershipRepository memberships;
  @Inject UnreadStore store;
  @Inject UnreadEvents events;
  @Inject ReadBy readBy;
  @Inject MessageStore messages;
  @Inject Memberships membershipChanges;
  @Inject UnreadFanout fanout;

  /**
   * A big room's unread work for people who exist nowhere, taken back after: run before the
   * instance says it is ready ({@link UnreadFanout#warmUp}).
   *
   * @return the people's items written and taken back
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int warmUp() {
    return fanout.warmUp();
  }

  public Unread get(String userId, String roomId) {
    Room room = rooms.readable(userId, roomId);
    return store.of(userId, room.id());
  }

  /** Gitter's mark-as-read: {@code chat} and/or {@code mention} ids; both empty is a mistake. */
  public void markRead(String userId, String roomId, List<String> chat, List<String> mention) {
    if (chat.isEmpty() && mention.isEmpty()) {
      throw Problem.invalid("chat or mention ids are required");
    }
    var ids = new java.util.LinkedHashSet<>(chat);
    ids.addAll(mention);
    // recent ids read are kept a while, for messages whose unread items come later: ids only
    ids.stream()
        .filter(id -> !ObjectId.isValid(id))
        .findFirst()
        .ifPresent(
            id -> {
              throw Problem.invalid(
                  "Invalid MongoId: " + id.substring(0, Math.min(id.length(), 30)));
            });
    Room room = rooms.readable(userId, roomId);
    var counts = store.remove(userId, room.id(), ids);
    events.removed(room.id(), List.copyOf(ids), List.copyOf(ids), Map.of(userId, counts));
    readBy.read(room.id(), userId, ids);
  }

  public void markAllRead(String userId, String roomId) {
    Room room = rooms.readable(userId, roomId);
    // what was stored lately may still wait for its unread items; read by id, they skip them
    long since = System.currentTimeMillis() - UnreadStore.SEEN_MILLIS;
    List<String> latest = messages.idsSince(room.id(), userId, since, UnreadStore.SEEN_MAX);
    List<String> wereUnread = store.readAll(userId, room.id(), latest);
    events.allRead(userId, room.id());
    readBy.read(room.id(), userId, wereUnread);
  }

  /**
   * Gitter's {@code PUT .../unreadItems/:lastSeenId}: the person has seen the room up to that
   * message, so its time becomes their last access.
   */
  public void seenUpTo(String userId, String roomId, String lastSeenId) {
    if (lastSeenId == null || !ObjectId.isValid(lastSeenId)) {
      throw Problem.invalid("Invalid MongoId: " + lastSeenId);
    }
    long seen = new ObjectId(lastSeenId).getDate().getTime();
    if (seen > System.currentTimeMillis() + CLOCK_SKEW_MILLIS) {
      throw Problem.invalid("lastSeenId is in the future");
    }
    // only a message of this room the person can read may move their last access
    Room room = rooms.readable(userId, roomId);
    if (messages.find(room.id(), lastSeenId).isEmpty()) {
      throw Problem.notFound("Message not found");
    }
    membershipChanges.accessed(userId, roomId, seen);
  }

  /** Every room of the person with unread items or mentions, memberships or not. */
  public List<RoomUnread> all(String userId) {
    var roomIds = new java.util.LinkedHashSet<String>();
    memberships.findByUserId(userId).forEach(m -> roomIds.add(m.troupeId()));
    roomIds.addAll(store.roomsWithMentions(userId));
    return roomIds.stream()
        .map(roomStore::findById)
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
