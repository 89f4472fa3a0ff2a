package org.gitterjakarta.messages.control;

import java.util.Optional;
import net.fellbaum.jemoji.Emoji;
import net.fellbaum.jemoji.EmojiManager;

/**
 * The one name an emoji is stored under: its first GitHub shortcode without colons. People may name
 * it by any of its shortcodes, with or without colons ({@code thumbsup}, {@code :+1:}), or by the
 * character itself; everything else is unknown.
 */
public final class ReactionNames {

  private static final int LONGEST = 64;

  private ReactionNames() {}

  public static Optional<String> canonical(String given) {
    return emoji(given).flatMap(ReactionNames::nameOf);
  }

  /** The character of a stored name, or the name itself if the emoji list no longer has it. */
  static String character(String name) {
    return EmojiManager.getByGithubAlias(":" + name + ":").map(Emoji::getEmoji).orElse(name);
  }

  private static Optional<Emoji> emoji(String given) {
    if (given == null || given.isBlank() || given.length() > LONGEST) {
      return Optional.empty();
    }
    String trimmed = given.strip();
    if (trimmed.matches(":?[a-z0-9_+\\-]+:?")) {
      String bare = trimmed.replace(":", "");
      return EmojiManager.getByGithubAlias(":" + bare + ":");
    }
    return EmojiManager.getEmoji(trimmed);
  }

  private static Optional<String> nameOf(Emoji emoji) {
    return emoji.getGithubAliases().stream().findFirst().map(alias -> alias.replace(":", ""));
  }
}
