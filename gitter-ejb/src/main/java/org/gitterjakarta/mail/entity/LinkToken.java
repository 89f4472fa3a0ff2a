package org.gitterjakarta.mail.entity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a link in a mail stands for, signed so that it needs no sign-in: a purpose ({@code verify},
 * {@code unsubscribe}), the person, a subject (the address to verify) and an expiry. The token is
 * {@code base64url(purpose \n userId \n subject \n expires) "." base64url(HMAC-SHA256)}; a token
 * for one purpose is never accepted for another.
 */
public record LinkToken(String purpose, String userId, String subject, long expiresAtSeconds) {

  public static final String VERIFY = "verify";
  public static final String UNSUBSCRIBE = "unsubscribe";

  /** A shorter secret could be guessed from a link and its signature: no token is accepted. */
  public static final int MIN_SECRET_LENGTH = 16;

  /** Tokens longer than this are refused before any decoding. */
  static final int MAX_LENGTH = 1024;

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  public String sign(String secret) {
    String payload =
        ENCODER.encodeToString(
            String.join("\n", purpose, userId, subject, String.valueOf(expiresAtSeconds))
                .getBytes(StandardCharsets.UTF_8));
    return payload + "." + ENCODER.encodeToString(mac(secret, payload));
  }

  /** The token's claims when its signature holds, its purpose matches and it has not expired. */
  public static Optional<LinkToken> verify(
      String token, String secret, String purpose, long nowSeconds) {
    if (token == null || token.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
      return Optional.empty(); // no secret, or a guessable one: nothing is signed by this server
    }
    int dot = token.indexOf('.');
    if (dot < 1) {
      return Optional.empty();
    }
    String payload = token.substring(0, dot);
    try {
      byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(given, mac(secret, payload))) {
        return Optional.empty();
      }
      String[] parts =
          new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)
              .split("\n", -1);
      if (parts.length != 4 || !parts[0].equals(purpose)) {
        return Optional.empty();
      }
      long expires = Long.parseLong(parts[3]);
      return expires < nowSeconds
          ? Optional.empty()
          : Optional.of(new LinkToken(parts[0], parts[1], parts[2], expires));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] mac(String secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }
}
