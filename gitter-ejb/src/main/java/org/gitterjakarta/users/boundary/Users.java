package org.gitterjakarta.users.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.gitterjakarta.events.control.Revocations;
import org.gitterjakarta.events.entity.Revocation;
import org.gitterjakarta.mongo.control.DuplicateKeys;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.users.control.Passwords;
import org.gitterjakarta.users.control.UserCache;
import org.gitterjakarta.users.control.UserRepository;
import org.gitterjakarta.users.control.UserSearch;
import org.gitterjakarta.users.entity.AccountRemoved;
import org.gitterjakarta.users.entity.User;
import org.gitterjakarta.users.entity.Usernames;

/** Opening accounts, finding people, checking passwords. */
@Stateless
public class Users {

  private static final System.Logger LOGGER = System.getLogger(Users.class.getName());

  static final int MAX_DISPLAY_NAME = 128;

  @Inject UserRepository repository;
  @Inject UserCache cache;
  @Inject Passwords passwords;
  @Inject UserSearch search;
  @Inject jakarta.enterprise.event.Event<AccountRemoved> removed;
  @Inject Revocations revocations;

  public User register(NewAccount account) {
    Usernames.problem(account.username())
        .ifPresent(
            reason -> {
              throw Problem.invalid(reason);
            });
    checkPassword(account.password());
    if (repository.findByLcUsername(User.lowerCase(account.username())).isPresent()) {
      throw usernameTaken(account.username());
    }
    User user =
        User.create(
            new ObjectId().toHexString(),
            account.username(),
            account.displayName(),
            account.email(),
            passwords.hash(account.password()),
            account.staff());
    try {
      repository.insert(user);
    } catch (RuntimeException e) {
      if (DuplicateKeys.isDuplicateKey(e)) {
        throw usernameTaken(account.username());
      }
      throw e;
    }
    LOGGER.log(System.Logger.Level.INFO, "Account {0} opened ({1})", user.username(), user.id());
    return user;
  }

  // read on every request: no transaction begun and ended for it (MongoDB takes no part in JTA)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<User> find(String id) {
    return id == null
        ? Optional.empty()
        : cache.byId().find(id, repository::findById).filter(u -> !u.isRemoved());
  }

  /**
   * An account as others see what it did (messages sent, reports, bans), removed accounts too:
   * Gitter keeps a removed person's messages under their name, or under {@code ghost~<id>} and
   * "Ghost" for a ghost.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<User> findIncludingRemoved(String id) {
    return id == null ? Optional.empty() : cache.byId().find(id, repository::findById);
  }

  public Optional<User> findByUsername(String username) {
    return username == null
        ? Optional.empty()
        : repository.findByLcUsername(User.lowerCase(username)).filter(u -> !u.isRemoved());
  }

  /**
   * Deletes the caller's own account (optionally as a ghost). Tokens and memberships are removed by
   * the features that own them, through the {@link AccountRemoved} event.
   */
  public void remove(String userId, boolean ghost) {
    User user = find(userId).orElseThrow(() -> Problem.notFound("User not found"));
    repository.save(user.removed(ghost));
    cache.byId().forget(userId);
    removed.fire(new AccountRemoved(userId));
    revocations.announce(Revocation.ofPerson(userId));
    LOGGER.log(System.Logger.Level.INFO, "Account {0} removed (ghost: {1})", userId, ghost);
  }

  /**
   * Some account that is neither removed nor staff: whom an instance's warm-up requests to its own
   * API speak for (requests that change nothing), and the sender of the send path warm-up's made-up
   * message (never stored). Empty on a new installation.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<String> anyActiveId() {
    return search.anyActiveId();
  }

  /** People whose username or display name starts with the term; at most 100. */
  public List<User> search(String term, int limit) {
    if (term == null || term.isBlank()) {
      return List.of();
    }
    int size = Math.min(Math.max(limit, 1), 100);
    return search.idsMatching(term.strip(), size).stream()
        .map(this::find)
        .flatMap(Optional::stream)
        .toList();
  }

  /** The account whose password this is; empty for an unknown user or a wrong password alike. */
  public Optional<User> authenticate(String username, String password) {
    Optional<User> user = findByUsername(username);
    if (user.isEmpty()) {
      passwords.checkAgainstNobody(password);
    }
    return user.filter(u -> passwords.matches(password, u.passwordHash()));
  }

  /** A new password for the signed-in person, who proves they know the current one. */
  public void changePassword(String userId, String current, String replacement) {
    User user =
        find(userId)
            .filter(u -> current != null && passwords.matches(current, u.passwordHash()))
            .orElseThrow(() -> Problem.invalid("The current password is not right"));
    checkPassword(replacement);
    repository.update(user.withPasswordHash(passwords.hash(replacement)));
    cache.byId().forget(userId);
    // open live sessions hand in their token again: a thief's session does not outlive the change
    revocations.announce(Revocation.ofPerson(userId));
    LOGGER.log(System.Logger.Level.INFO, "Password of {0} changed", userId);
  }

  /** The name people see; blank falls back to the username, as at sign-up. */
  public User rename(String userId, String displayName) {
    User user = find(userId).orElseThrow(() -> Problem.notFound("User not found"));
    String name =
        displayName == null || displayName.isBlank() ? user.username() : displayName.strip();
    if (name.length() > MAX_DISPLAY_NAME) {
      throw Problem.invalid("Display name must be at most " + MAX_DISPLAY_NAME + " characters");
    }
    User renamed = user.withDisplayName(name);
    repository.update(renamed);
    cache.byId().forget(userId);
    return renamed;
  }

  private static void checkPassword(String password) {
    if (password == null || password.length() < Passwords.MIN_LENGTH) {
      throw Problem.invalid(
          "Password must be at least " + Passwords.MIN_LENGTH + " characters long");
    }
    if (password.length() > Passwords.MAX_LENGTH) {
      throw Problem.invalid("Password is too long");
    }
  }

  private static Problem usernameTaken(String username) {
    return Problem.conflict("Username " + username + " is already taken");
  }
}
