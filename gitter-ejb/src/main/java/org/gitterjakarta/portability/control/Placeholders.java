package org.gitterjakarta.portability.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.gitterjakarta.mongo.control.DuplicateKeys;
import org.gitterjakarta.portability.entity.ImportedMessage;
import org.gitterjakarta.users.control.UserRepository;
import org.gitterjakarta.users.entity.User;
import org.gitterjakarta.users.entity.Usernames;
import org.gitterjakarta.wire.DerivedIds;

/**
 * The account an imported message is attributed to: the person with the author's username when
 * there is one, otherwise a placeholder account made for them, which has no password (nobody can
 * sign in as it) and holds the name the file gave. A username this site would refuse becomes a
 * valid one derived from it, the same on every run. An author whose account was deleted on the
 * other site gets a placeholder that is removed too, so their messages show as a removed sender's.
 */
@ApplicationScoped
public class Placeholders {

  @Inject UserRepository users;

  /** The account's id, and whether it was made now. */
  public record Account(String userId, boolean created) {}

  public Account accountFor(ImportedMessage.Author author) {
    String name = usable(author.username());
    Optional<User> existing = users.findByLcUsername(User.lowerCase(name));
    if (existing.isPresent()) {
      return new Account(existing.get().id(), false);
    }
    User placeholder =
        User.create(
            new ObjectId().toHexString(),
            name,
            author.displayName(),
            null,
            /* no password */ null,
            false);
    if (author.removed()) {
      // keeps the derived username, so that the next run of the same file finds it again
      placeholder = placeholder.removed(false);
    }
    try {
      users.insert(placeholder);
      return new Account(placeholder.id(), true);
    } catch (RuntimeException e) {
      if (DuplicateKeys.isDuplicateKey(e)) {
        // made meanwhile by someone else (a sign-up, another import): theirs it is
        return users
            .findByLcUsername(User.lowerCase(name))
            .map(u -> new Account(u.id(), false))
            .orElseThrow(() -> e);
      }
      throw e;
    }
  }

  /** The username itself when this site accepts it, else a valid name derived from it. */
  static String usable(String username) {
    if (Usernames.problem(username).isEmpty()) {
      return username;
    }
    String cleaned = username.replaceAll("[^A-Za-z0-9_.-]", "-").replaceAll("^\\.+|\\.+$", "");
    String suffix = "-" + DerivedIds.of(username).substring(0, 6);
    cleaned = cleaned.substring(0, Math.min(cleaned.length(), Usernames.MAX_LENGTH - 7));
    return (cleaned.isEmpty() ? "imported" : cleaned) + suffix;
  }
}
