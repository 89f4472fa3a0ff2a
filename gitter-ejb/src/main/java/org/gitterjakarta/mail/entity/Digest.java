package org.gitterjakarta.mail.entity;

import java.util.List;

/**
 * One person's unread mail: the rooms with messages they have not read and not been mailed about,
 * with counts and the latest few messages. {@code urgent} (a mention, a one-to-one message) makes
 * it go out after the shorter delay.
 */
public record Digest(String userId, String displayName, List<RoomUnread> rooms, boolean urgent) {

  public boolean isEmpty() {
    return rooms.isEmpty();
  }

  public int unreadItems() {
    return rooms.stream().mapToInt(RoomUnread::unreadItems).sum();
  }

  /** A room in the digest; {@code path} is its address under the server's base URL. */
  public record RoomUnread(
      String roomId, String name, String path, int unreadItems, int mentions, List<Line> latest) {}

  /**
   * A message as the digest shows it: its sender, text, and the HTML sanitized when it was sent.
   */
  public record Line(String sender, String text, String html) {}
}
