package org.gitterjakarta.unread.entity;

import java.util.List;

/**
 * A message became unread: {@code firstUnread} are the people for whom it is the first unread
 * message of the room, {@code mentioned} those it mentions. Features that act on unread state later
 * (the unread mail digest) observe this instead of scanning everyone's counts.
 */
public record UnreadArrived(
    String roomId, String messageId, long sent, List<String> firstUnread, List<String> mentioned) {

  public boolean isEmpty() {
    return firstUnread.isEmpty() && mentioned.isEmpty();
  }
}
