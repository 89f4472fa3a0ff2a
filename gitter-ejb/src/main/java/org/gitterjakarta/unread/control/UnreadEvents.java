package org.gitterjakarta.unread.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gitterjakarta.events.control.LiveEvents;
import org.gitterjakarta.events.control.LiveEvents.Live;
import org.gitterjakarta.events.entity.Channels;
import org.gitterjakarta.events.entity.Envelope;
import org.gitterjakarta.events.entity.Notification;

/**
 * Tells people's realtime channels about their unread state (§3.5): the item notifications on
 * {@code user/:uid/rooms/:rid/unreadItems} and the count patch on {@code user/:uid/rooms}. A
 * message's fan-out is one pipelined batch.
 */
@ApplicationScoped
public class UnreadEvents {

  @Inject LiveEvents live;

  /**
   * A message's unread items and count patches; members who muted the room ({@code quiet}) get the
   * activity patch that lights their room's dot instead.
   */
  public void added(
      String roomId,
      String messageId,
      List<UnreadStore.Item> items,
      Map<String, UnreadStore.Counts> counts,
      List<String> quiet) {
    List<Live> batch = new ArrayList<>();
    for (String userId : quiet) {
      batch.add(
          new Live(
              Channels.userRooms(userId), Envelope.patch(Map.of("id", roomId, "activity", 1))));
    }
    for (UnreadStore.Item item : items) {
      Map<String, Object> ids =
          item.mention()
              ? Map.of("chat", List.of(messageId), "mention", List.of(messageId))
              : Map.of("chat", List.of(messageId));
      batch.add(
          new Live(
              Channels.userUnread(item.userId(), roomId),
              Notification.of("unread_items", Map.of("items", ids))));
      batch.add(countPatch(item.userId(), roomId, counts.get(item.userId())));
    }
    live.publishAll(batch);
  }

  public void removed(
      String roomId,
      List<String> chatIds,
      List<String> mentionIds,
      Map<String, UnreadStore.Counts> counts) {
    List<Live> batch = new ArrayList<>();
    counts.forEach(
        (userId, count) -> {
          batch.add(
              new Live(
                  Channels.userUnread(userId, roomId),
                  Notification.of(
                      "unread_items_removed",
                      Map.of("items", Map.of("chat", chatIds, "mention", mentionIds)))));
          batch.add(countPatch(userId, roomId, count));
        });
    live.publishAll(batch);
  }

  public void allRead(String userId, String roomId) {
    live.publishAll(
        List.of(
            new Live(
                Channels.userUnread(userId, roomId), Notification.of("mark_all_read", Map.of())),
            countPatch(userId, roomId, new UnreadStore.Counts(0, 0))));
  }

  private static Live countPatch(String userId, String roomId, UnreadStore.Counts count) {
    return new Live(
        Channels.userRooms(userId),
        Envelope.patch(
            Map.of(
                "id", roomId, "unreadItems", count.unreadItems(), "mentions", count.mentions())));
  }
}
