package org.gitterjakarta.search.entity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns text into the search tokens stored with a document, so that an equality match on an indexed
 * array answers word, prefix and CJK queries without a text index: each word (lower case, accents
 * removed) with its prefixes from {@value #MIN_PREFIX} characters, and for runs of Chinese,
 * Japanese or Korean characters each character and each pair of neighbours.
 */
public final class SearchTokens {

  static final int MIN_PREFIX = 2;
  static final int MAX_PREFIX = 20;

  /** Bounds a document's array whatever its length (a 4096-character message included). */
  static final int MAX_TOKENS = 2000;

  /** "ー" belongs to no script, but only ever stands inside Japanese words. */
  private static final int KANA_LONG_VOWEL = 0x30FC;

  private static final int HALFWIDTH_KANA_LONG_VOWEL = 0xFF70;

  /** Latin, Greek and Cyrillic accents; Japanese voicing marks change the word, so they stay. */
  private static final Pattern MARKS =
      Pattern.compile("[\\u0300-\\u036f\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff]+");

  private SearchTokens() {}

  /** The tokens to store for a text. */
  public static List<String> of(String text) {
    Set<String> tokens = new LinkedHashSet<>();
    for (String word : words(text)) {
      if (isCjk(word.codePointAt(0))) {
        tokens.addAll(cjkGrams(word));
      } else {
        tokens.add(word);
        for (int end = MIN_PREFIX; end < word.length() && end <= MAX_PREFIX; end++) {
          tokens.add(word.substring(0, end));
        }
      }
      if (tokens.size() >= MAX_TOKENS) {
        break;
      }
    }
    return tokens.stream().limit(MAX_TOKENS).toList();
  }

  /**
   * The tokens a query term must all match: its words (truncated to the longest stored prefix) and,
   * for CJK text, its character pairs (a single character stands for itself).
   */
  public static List<String> forQuery(String term) {
    Set<String> tokens = new LinkedHashSet<>();
    for (String word : words(term)) {
      if (isCjk(word.codePointAt(0))) {
        List<String> grams = cjkGrams(word);
        tokens.addAll(word.codePointCount(0, word.length()) == 1 ? grams : pairsOnly(grams));
      } else {
        tokens.add(word.length() > MAX_PREFIX ? word.substring(0, MAX_PREFIX) : word);
      }
    }
    return List.copyOf(tokens);
  }

  /** Lower case, accents removed, split into runs of letters/digits, CJK runs kept apart. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    // Decompose to drop accents, then compose again so Hangul syllables stay whole.
    String folded =
        Normalizer.normalize(
                MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll(""),
                Normalizer.Form.NFC)
            .toLowerCase(Locale.ROOT);
    StringBuilder current = new StringBuilder();
    Boolean currentCjk = null;
    for (int i = 0; i < folded.length(); ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetterOrDigit(cp)) {
        flush(current, words);
        currentCjk = null;
        continue;
      }
      boolean cjk = isCjk(cp);
      if (currentCjk != null && currentCjk != cjk) {
        flush(current, words);
      }
      currentCjk = cjk;
      current.appendCodePoint(cp);
    }
    flush(current, words);
    return words;
  }

  private static void flush(StringBuilder current, List<String> words) {
    if (current.length() > 0) {
      words.add(current.toString());
      current.setLength(0);
    }
  }

  private static List<String> cjkGrams(String run) {
    int[] cps = run.codePoints().toArray();
    List<String> grams = new ArrayList<>();
    for (int i = 0; i < cps.length; i++) {
      grams.add(new String(cps, i, 1));
      if (i + 1 < cps.length) {
        grams.add(new String(cps, i, 2));
      }
    }
    return grams;
  }

  private static List<String> pairsOnly(List<String> grams) {
    return grams.stream().filter(g -> g.codePointCount(0, g.length()) == 2).toList();
  }

  static boolean isCjk(int cp) {
    if (cp == KANA_LONG_VOWEL || cp == HALFWIDTH_KANA_LONG_VOWEL) {
      return true;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL;
  }
}
