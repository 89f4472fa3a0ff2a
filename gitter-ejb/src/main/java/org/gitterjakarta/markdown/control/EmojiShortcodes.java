package org.gitterjakarta.markdown.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fellbaum.jemoji.Emoji;
import net.fellbaum.jemoji.EmojiManager;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Text;

/**
 * GitHub's {@code :shortcodes:} ({@code :tada:}, {@code :+1:}) become the emoji in the stored HTML,
 * so every client shows them, as Gitter did. Only in text: code spans and blocks keep them as
 * typed; an unknown shortcode stays as it was.
 */
final class EmojiShortcodes extends AbstractVisitor {

  private static final Pattern SHORTCODE = Pattern.compile(":[a-z0-9_+\\-]{1,40}:");

  @Override
  public void visit(Text text) {
    String literal = text.getLiteral();
    if (literal.indexOf(':') >= 0) {
      text.setLiteral(replace(literal));
    }
  }

  static String replace(String literal) {
    Matcher matcher = SHORTCODE.matcher(literal);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String emoji =
          EmojiManager.getByGithubAlias(matcher.group())
              .map(Emoji::getEmoji)
              .orElse(matcher.group());
      matcher.appendReplacement(out, Matcher.quoteReplacement(emoji));
    }
    return matcher.appendTail(out).toString();
  }
}
