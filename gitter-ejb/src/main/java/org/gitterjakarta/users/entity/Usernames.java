package org.gitterjakarta.users.entity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Gitter's username rule: 2 to 81 characters, letters, digits, {@code _}, {@code -} and {@code .}.
 */
public final class Usernames {

  public static final int MIN_LENGTH = 2;
  public static final int MAX_LENGTH = 81;
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.-]+");

  private Usernames() {}

  /** Why a username cannot be used, or empty when it can. */
  public static Optional<String> problem(String username) {
    if (username == null || username.isBlank()) {
      return Optional.of("Username is required");
    }
    if (username.length() < MIN_LENGTH || username.length() > MAX_LENGTH) {
      return Optional.of(
          "Username must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
    }
    if (!ALLOWED.matcher(username).matches()) {
      return Optional.of("Username may contain only letters, digits, '_', '-' and '.'");
    }
    if (username.startsWith(".") || username.endsWith(".")) {
      return Optional.of("Username may not start or end with '.'");
    }
    if (TopLevelNames.isReserved(username)) {
      return Optional.of("Username '" + username + "' is reserved");
    }
    return Optional.empty();
  }
}
