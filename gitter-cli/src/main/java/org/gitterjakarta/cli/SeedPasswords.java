package org.gitterjakarta.cli;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gitterjakarta.users.control.Passwords;

/**
 * Passwords as the server hashes them, except while {@code user seed} runs: its thousands of
 * benchmark accounts share one password, hashed once (PBKDF2 costs a few hundred milliseconds per
 * call on purpose, which would make seeding 5,000 accounts take many minutes). Those accounts then
 * share one salt too, acceptable for throw-away benchmark data only.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class SeedPasswords extends Passwords {

  private static volatile boolean seeding;
  private final Map<String, String> hashes = new ConcurrentHashMap<>();

  static void seeding(boolean on) {
    seeding = on;
  }

  @Override
  public String hash(String password) {
    return seeding ? hashes.computeIfAbsent(password, super::hash) : super.hash(password);
  }
}
