package org.gitterjakarta.users.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.List;
import java.util.Locale;

/**
 * A local account. {@code lcUsername} makes usernames unique whatever their case; {@code v} is
 * Gitter's save counter ({@code _tv}), bumped on every change so clients can drop stale updates.
 */
@Entity("users")
public record User(
    @Id String id,
    @Column String username,
    @Column String lcUsername,
    @Column String displayName,
    @Column List<String> emails,
    @Column String passwordHash,
    @Column boolean staff,
    @Column String state,
    @Column("_tv") long v) {

  public static final String REMOVED = "REMOVED";

  public static User create(
      String id,
      String username,
      String displayName,
      String email,
      String passwordHash,
      boolean staff) {
    List<String> emails = email == null || email.isBlank() ? List.of() : List.of(email.trim());
    String name = displayName == null || displayName.isBlank() ? username : displayName.trim();
    return new User(id, username, lowerCase(username), name, emails, passwordHash, staff, null, 1);
  }

  public static String lowerCase(String username) {
    return username.toLowerCase(Locale.ROOT);
  }

  public boolean isRemoved() {
    return REMOVED.equals(state);
  }

  /** Gitter falls back to the username where no display name is set. */
  public String displayNameOrUsername() {
    return displayName == null || displayName.isBlank() ? username : displayName;
  }

  public List<String> emails() {
    return emails == null ? List.of() : emails;
  }

  /**
   * Account deletion, Gitter style: the record stays (messages keep their sender), marked removed;
   * a ghost also loses name, emails and password, and is renamed {@code ghost~<id>}.
   */
  public User removed(boolean ghost) {
    if (!ghost) {
      return new User(id, username, lcUsername, displayName, emails, null, false, REMOVED, v + 1);
    }
    String ghostName = "ghost~" + id;
    return new User(
        id, ghostName, lowerCase(ghostName), "Ghost", List.of(), null, false, REMOVED, v + 1);
  }

  public User withDisplayName(String name) {
    return new User(id, username, lcUsername, name, emails, passwordHash, staff, state, v + 1);
  }

  public User withPasswordHash(String hash) {
    return new User(id, username, lcUsername, displayName, emails, hash, staff, state, v + 1);
  }
}
