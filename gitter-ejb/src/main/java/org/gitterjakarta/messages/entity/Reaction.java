package org.gitterjakarta.messages.entity;

import java.util.List;

/**
 * One emoji on a message and who chose it: {@code name} is the emoji's GitHub shortcode without
 * colons ({@code +1}, {@code tada}), the key it is stored under; {@code emoji} is the character.
 */
public record Reaction(String name, String emoji, List<String> userIds) {

  /** At most this many different emoji on one message, so no one can grow a message unbounded. */
  public static final int MAX_PER_MESSAGE = 20;

  public Reaction {
    userIds = List.copyOf(userIds);
  }

  public boolean by(String userId) {
    return userIds.contains(userId);
  }
}
