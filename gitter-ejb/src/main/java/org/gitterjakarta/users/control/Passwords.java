package org.gitterjakarta.users.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Password hashing with Jakarta Security's PBKDF2 (HMAC-SHA512, 210,000 iterations, 32-byte salt):
 * slow on purpose, so a leaked hash is expensive to guess.
 */
@ApplicationScoped
public class Passwords {

  static final Map<String, String> PARAMETERS =
      Map.of(
          "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
          "Pbkdf2PasswordHash.Iterations", "210000",
          "Pbkdf2PasswordHash.SaltSizeBytes", "32",
          "Pbkdf2PasswordHash.KeySizeBytes", "32");

  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 1024;

  @Inject Pbkdf2PasswordHash hash;

  @PostConstruct
  void configure() {
    hash.initialize(PARAMETERS);
  }

  public String hash(String password) {
    return hash.generate(password.toCharArray());
  }

  /**
   * Spends the time of a real check on a password that belongs to nobody, so that a wrong username
   * answers as slowly as a wrong password and does not tell which usernames exist.
   */
  public void checkAgainstNobody(String password) {
    if (nobody == null) {
      nobody = hash("no account has this password " + System.nanoTime());
    }
    matches(password == null ? "" : password, nobody);
  }

  private volatile String nobody;

  public boolean matches(String password, String storedHash) {
    return password != null
        && storedHash != null
        && hash.verify(password.toCharArray(), storedHash);
  }
}
