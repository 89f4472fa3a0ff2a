package org.gitterjakarta.tokens.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Token values as Gitter made them: 20 random bytes as 40 lowercase hex characters. */
public final class TokenValues {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{40}");

  private TokenValues() {}

  public static String generate() {
    byte[] bytes = new byte[20];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  public static boolean isWellFormed(String token) {
    return token != null && FORMAT.matcher(token).matches();
  }

  /**
   * The stored form. A fast hash is enough here: a token has 160 random bits, so unlike a password
   * it cannot be guessed from its hash.
   */
  public static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
