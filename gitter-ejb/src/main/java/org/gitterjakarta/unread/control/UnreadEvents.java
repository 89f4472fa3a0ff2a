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
import org.gitterjakarta.messages.entity.MessageNotice;
import org.gitterjakarta.unread.entity.UnreadBatch;

/**
 * Tells people's realtime channels about their unread state: the item notifications on {@code
 * user/:uid/rooms/:rid/unreadItems} and the count patch on {@code user/:uid/rooms}. A message's
 * fan-out is one {@link UnreadBatch} that the realtime instances expand.
 */
@ApplicationScoped
public class UnreadEvents {

  @Inject LiveEvents live;

  /**
   * A message's unread items and count patches ({@link #addedBatch}), unless it concerns no one.
   */
  public void added(UnreadBatch batch) {
    if (!batch.people().isEmpty() || !batch.quiet().isEmpty()) {
      publish(batch);
    }
  }

  /**
   * A message's unread items and count patches; members who muted the room ({@code quiet}) get the
   * activity patch that lights their room's dot instead. One batch for the whole room.
   */
  static UnreadBatch addedBatch(
      String roomId,
      String messageId,
      List<UnreadStore.Item> items,
      Map<String, UnreadStore.Counts> counts,
      List<String> quiet,
      MessageNotice notice) {
    List<UnreadBatch.Person> people = new ArrayList<>(items.size());
    for (UnreadStore.Item item : items) {
      var count = counts.get(item.userId());
      people.add(
          new UnreadBatch.Person(
              item.userId(), item.mention(), count.unreadItems(), count.mentions()));
    }
    var ids = List.of(messageId);
    return new UnreadBatch(roomId, true, ids, ids, people, quiet, notice);
  }

  public void removed(
      String roomId,
      List<String> chatIds,
      List<String> mentionIds,
      Map<String, UnreadStore.Counts> counts) {
    if (counts.isEmpty()) {
      return;
    }
    List<UnreadBatch.Person> people = new ArrayList<>(counts.size());
    counts.forEach(
        (userId, count) ->
            people.add(
                new UnreadBatch.Person(userId, false, count.unreadItems(), count.mentions())));
    publish(new UnreadBatch(roomId, false, chatIds, mentionIds, people, List.of(), null));
  }

  private void publish(UnreadBatch batch) {
    live.publishJson(UnreadBatch.CHANNEL, batch.toJson());
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
