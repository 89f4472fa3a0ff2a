package org.gitterjakarta.unread.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gitterjakarta.messages.entity.ChatMessage;
import org.gitterjakarta.messages.entity.Mention;
import org.gitterjakarta.messages.entity.MessageEdited;
import org.gitterjakarta.messages.entity.MessageRemoved;
import org.gitterjakarta.messages.entity.MessageStored;
import org.gitterjakarta.metrics.control.ProductMetrics;
import org.gitterjakarta.redis.control.RedisOutbox;
import org.gitterjakarta.rooms.control.MemberFlags;
import org.gitterjakarta.rooms.control.RoomAccess;
import org.gitterjakarta.rooms.control.RoomRepository;
import org.gitterjakarta.rooms.entity.NotificationMode.Flags;
import org.gitterjakarta.rooms.entity.RoomDeleted;
import org.gitterjakarta.unread.entity.UnreadArrived;

/**
 * Who gets an unread item for a new message: members whose mode tracks unread items, members with
 * mention notifications who were mentioned, members with announcements for {@code @/all}, and
 * mentioned people outside the room who could join it. Never the sender. Edits move mentions,
 * deletions take items back; each change reaches the people's realtime channels. The message is
 * stored before any of this runs, so the Redis work waits in the {@link RedisOutbox} while Redis is
 * away instead of failing the send.
 */
@ApplicationScoped
public class UnreadFanout {

  @Inject MemberFlags memberFlags;
  @Inject RoomRepository rooms;
  @Inject RoomAccess access;
  @Inject UnreadStore store;
  @Inject UnreadEvents events;
  @Inject RedisOutbox outbox;
  @Inject ProductMetrics metrics;
  @Inject Event<UnreadArrived> arrived;

  void messageStored(@Observes MessageStored stored) {
    long started = System.nanoTime();
    ChatMessage message = stored.message();
    Set<String> mentioned = mentionedIds(message);
    boolean all = message.mentions().stream().anyMatch(Mention::announcement);
    List<UnreadStore.Item> items = new ArrayList<>();
    Set<String> members = new java.util.HashSet<>();
    List<String> quiet = new ArrayList<>();
    for (Map.Entry<String, Integer> member : memberFlags.of(message.toTroupeId()).entrySet()) {
      String userId = member.getKey();
      int flags = member.getValue();
      members.add(userId);
      if (userId.equals(message.fromUserId())) {
        continue;
      }
      boolean mention =
          (mentioned.contains(userId) && Flags.has(flags, Flags.MENTION))
              || (all && Flags.has(flags, Flags.ANNOUNCEMENT));
      if (mention || Flags.has(flags, Flags.UNREAD)) {
        items.add(new UnreadStore.Item(userId, true, mention));
      } else {
        quiet.add(userId);
      }
    }
    items.addAll(outsidersWhoMayJoin(message, mentioned, members));
    outbox.run(
        "unread items of message " + message.id(),
        () -> {
          var counts = store.add(message.toTroupeId(), message.id(), message.sent(), items);
          events.added(message.toTroupeId(), message.id(), items, counts, quiet, stored.notice());
          announce(message, items, counts);
        });
    metrics.unreadFanout(Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * Who now has a first unread message in the room or a new mention: cheap to tell from the counts
   * the script returned, and all that later work on unread state (mail) needs to hear.
   */
  private void announce(
      ChatMessage message, List<UnreadStore.Item> items, Map<String, UnreadStore.Counts> counts) {
    List<String> first = new ArrayList<>();
    List<String> mentioned = new ArrayList<>();
    for (UnreadStore.Item item : items) {
      UnreadStore.Counts count = counts.get(item.userId());
      if (item.mention()) {
        mentioned.add(item.userId());
      } else if (count != null && count.unreadItems() == 1) {
        first.add(item.userId());
      }
    }
    var news =
        new UnreadArrived(message.toTroupeId(), message.id(), message.sent(), first, mentioned);
    if (!news.isEmpty()) {
      arrived.fire(news);
    }
  }

  /** Mentioned people outside the room get the mention when they could join the room. */
  private List<UnreadStore.Item> outsidersWhoMayJoin(
      ChatMessage message, Set<String> mentioned, Set<String> members) {
    var outsiders =
        mentioned.stream()
            .filter(id -> !members.contains(id) && !id.equals(message.fromUserId()))
            .toList();
    if (outsiders.isEmpty()) {
      return List.of();
    }
    return rooms
        .findById(message.toTroupeId())
        .map(
            room ->
                outsiders.stream()
                    .filter(id -> access.of(room, id).join())
                    .map(id -> new UnreadStore.Item(id, true, true))
                    .toList())
        .orElse(List.of());
  }

  /** Added mentions become unread mentions; removed ones leave the mention set. */
  void messageEdited(@Observes MessageEdited edited) {
    ChatMessage after = edited.after();
    Set<String> before = mentionedIds(edited.before());
    Set<String> now = mentionedIds(after);
    Map<String, Integer> byUser = memberFlags.of(after.toTroupeId());
    List<UnreadStore.Item> added =
        now.stream()
            .filter(id -> !before.contains(id) && !id.equals(after.fromUserId()))
            .filter(id -> byUser.containsKey(id) && Flags.has(byUser.get(id), Flags.MENTION))
            .map(id -> new UnreadStore.Item(id, true, true))
            .toList();
    List<String> dropped = before.stream().filter(id -> !now.contains(id)).toList();
    outbox.run(
        "mentions of edited message " + after.id(),
        () -> {
          var addedCounts = store.add(after.toTroupeId(), after.id(), after.sent(), added);
          events.added(after.toTroupeId(), after.id(), added, addedCounts, List.of(), null);
          announce(after, added, addedCounts);
          var droppedCounts =
              store.removeFor(dropped, after.toTroupeId(), List.of(after.id()), false);
          events.removed(after.toTroupeId(), List.of(), List.of(after.id()), droppedCounts);
        });
  }

  void messageRemoved(@Observes MessageRemoved removed) {
    Set<String> userIds = new java.util.LinkedHashSet<>(removed.mentionedUserIds());
    userIds.addAll(memberFlags.of(removed.roomId()).keySet());
    outbox.run(
        "unread items of removed message " + removed.messageId(),
        () -> {
          var counts =
              store.removeFor(userIds, removed.roomId(), List.of(removed.messageId()), true);
          events.removed(
              removed.roomId(), List.of(removed.messageId()), List.of(removed.messageId()), counts);
        });
  }

  void roomDeleted(@Observes RoomDeleted deleted) {
    outbox.run(
        "unread items of deleted room " + deleted.roomId(),
        () -> deleted.memberIds().forEach(userId -> store.clear(userId, deleted.roomId())));
  }

  private static Set<String> mentionedIds(ChatMessage message) {
    return message.mentions().stream()
        .map(Mention::userId)
        .filter(id -> id != null)
        .collect(Collectors.toSet());
  }
}
