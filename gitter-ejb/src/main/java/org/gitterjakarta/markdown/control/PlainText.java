package org.gitterjakarta.markdown.control;

/**
 * Messages that markdown leaves exactly as typed: one line of words, digits and plain punctuation
 * that starts with a letter and has no link, mention, issue, emoji or markup anywhere. Most chat
 * lines are like that, and parsing, rendering and sanitizing them costs more than the rest of a
 * send; their HTML is the text itself. Anything else takes the full path ({@code
 * MarkdownRendererTest} holds both paths to the same output).
 */
final class PlainText {

  private PlainText() {}

  static boolean is(String text) {
    int length = text.length();
    if (length == 0 || !isLetter(text.charAt(0)) || text.charAt(length - 1) == ' ') {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (!(isLetter(c)
          || (c >= '0' && c <= '9')
          || c == ' '
          || c == ','
          || c == '.'
          || c == '!'
          || c == '?')) {
        return false;
      }
      // "www." starts an autolink
      if (c == '.' && i >= 3 && text.regionMatches(true, i - 3, "www", 0, 3)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
