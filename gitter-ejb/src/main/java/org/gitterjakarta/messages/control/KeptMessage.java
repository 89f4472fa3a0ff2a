package org.gitterjakarta.messages.control;

import java.util.Optional;

/**
 * A message of a history page as read for its kept JSON ({@link KeptJson}): its id, its sender, its
 * number of readers and the JSON rendered for it, which is null when none was kept or it no longer
 * matches the message's version.
 */
public record KeptMessage(String id, String senderId, int readers, int format, String json) {

  /** The kept JSON if it was rendered in this format. */
  public Optional<String> jsonIn(int expectedFormat) {
    return format == expectedFormat ? Optional.ofNullable(json) : Optional.empty();
  }
}
