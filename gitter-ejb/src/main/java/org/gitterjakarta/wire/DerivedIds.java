package org.gitterjakarta.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids derived from what makes a record unique (a pair of people, a reporter and a message), so that
 * the unique {@code _id} itself keeps a second copy out. They are 24 hex characters, the shape of
 * every id clients see.
 */
public final class DerivedIds {

  private DerivedIds() {}

  public static String of(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
