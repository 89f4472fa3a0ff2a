package org.gitterjakarta.unread.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a batch of a room's new messages tells later work on unread state (mail), message by
 * message: who was mentioned, and whose first unread message in the room it is. A person had no
 * unread message before the batch when their unread count after it equals the batch's items for
 * them, as the count 1 says for one message. Read from the counts after the batch, this stays true
 * when a batch whose script already ran is run again after a Redis outage, so a retry does not lose
 * the news.
 */
final class UnreadNews {

  /** One message's news: first unread for these people, a mention for those. */
  record Of(List<String> firstUnread, List<String> mentioned) {}

  private UnreadNews() {}

  /** Per message of {@code batch}, in order. */
  static List<Of> of(List<UnreadStore.NewMessage> batch, Map<String, UnreadStore.Counts> counts) {
    Map<String, Integer> itemsOf = new HashMap<>();
    for (UnreadStore.NewMessage message : batch) {
      for (UnreadStore.Item item : message.items()) {
        if (item.chat()) {
          itemsOf.merge(item.userId(), 1, Integer::sum);
        }
      }
    }
    Set<String> noUnreadBefore = new HashSet<>();
    itemsOf.forEach(
        (userId, items) -> {
          UnreadStore.Counts count = counts.get(userId);
          if (count != null && count.unreadItems() == items) {
            noUnreadBefore.add(userId);
          }
        });
    List<Of> news = new ArrayList<>(batch.size());
    for (UnreadStore.NewMessage message : batch) {
      List<String> first = new ArrayList<>();
      List<String> mentioned = new ArrayList<>();
      for (UnreadStore.Item item : message.items()) {
        // a person's first item of the batch is their first unread message, later ones are not
        boolean firstUnread = item.chat() && noUnreadBefore.remove(item.userId());
        if (item.mention()) {
          mentioned.add(item.userId());
        } else if (firstUnread) {
          first.add(item.userId());
        }
      }
      news.add(new Of(first, mentioned));
    }
    return news;
  }
}
