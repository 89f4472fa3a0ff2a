package org.gitterjakarta.users.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Generated default avatars, as Gitter gave to email users: a Gravatar identicon keyed by the first
 * email (or the username), so every account has a stable, distinct picture.
 */
public final class Avatars {

  public static final int SMALL = 60;
  public static final int MEDIUM = 128;
  public static final int DEFAULT = 128;

  private Avatars() {}

  public static String url(User user, int size) {
    return identicon(user.emails().isEmpty() ? user.lcUsername() : user.emails().get(0), size);
  }

  /** A stable generated picture for any key (communities use their uri). */
  public static String identicon(String key, int size) {
    return "https://www.gravatar.com/avatar/"
        + md5(key.trim().toLowerCase(Locale.ROOT))
        + "?d=identicon&s="
        + size;
  }

  private static String md5(String value) {
    try {
      // Gravatar's key format, not a security measure
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JDK", e);
    }
  }
}
