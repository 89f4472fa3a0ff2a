package org.gitterjakarta.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.inject.Inject;
import java.util.UUID;
import org.bson.Document;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.redis.control.Redis;
import org.gitterjakarta.redis.control.RedisRole;
import org.gitterjakarta.testing.TestDeployments;
import org.gitterjakarta.tokens.boundary.Tokens;
import org.gitterjakarta.tokens.entity.Caller;
import org.gitterjakarta.tokens.entity.TokenValues;
import org.gitterjakarta.users.boundary.NewAccount;
import org.gitterjakarta.users.boundary.Users;
import org.gitterjakarta.users.entity.User;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.UnifiedJedis;

/** Accounts and API tokens through their boundaries, on the real stores. */
@ExtendWith(ArquillianExtension.class)
class AccountsIT {

  @Deployment
  static WebArchive deployment() {
    return TestDeployments.war("accounts", "users", "tokens", "events");
  }

  @Inject Users users;
  @Inject Tokens tokens;
  @Inject MongoDatabase database;

  @Inject
  @Redis(RedisRole.NONPERSIST)
  UnifiedJedis nonpersist;

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void registersAnAccountWithAHashedPassword() {
    String username = unique("Jane");

    User user =
        users.register(new NewAccount(username, "correct horse", "Jane D", "j@example.org", false));

    assertThat(user.id()).matches("[0-9a-f]{24}");
    assertThat(users.findByUsername(username.toUpperCase())).contains(user);
    Document stored = database.getCollection("users").find(Filters.eq("_id", user.id())).first();
    assertThat(stored.getString("passwordHash"))
        .startsWith("PBKDF2WithHmacSHA512:210000:")
        .doesNotContain("correct horse");
    assertThat(stored.getString("lcUsername")).isEqualTo(username.toLowerCase());
  }

  @Test
  void authenticatesOnlyWithTheRightPassword() {
    String username = unique("sam");
    users.register(new NewAccount(username, "s3cret-pass", null, null, false));

    assertThat(users.authenticate(username, "s3cret-pass")).isPresent();
    assertThat(users.authenticate(username, "wrong-pass")).isEmpty();
    assertThat(users.authenticate(unique("nobody"), "s3cret-pass")).isEmpty();
  }

  /**
   * An unknown username costs a password check too, so the answer's delay does not tell which
   * usernames exist (before, ~16 ms against ~220 ms). Medians of a few tries, compared loosely: a
   * PBKDF2 check dominates either way.
   */
  @Test
  void answersUnknownUsernamesAsSlowlyAsWrongPasswords() {
    String username = unique("timed");
    users.register(new NewAccount(username, "s3cret-pass", null, null, false));
    users.authenticate(unique("warm"), "wrong-pass");

    long known = medianNanos(() -> users.authenticate(username, "wrong-pass"));
    long unknown = medianNanos(() -> users.authenticate(unique("nobody"), "wrong-pass"));

    assertThat(unknown).isGreaterThan(known / 2);
  }

  private static long medianNanos(Runnable attempt) {
    long[] took = new long[5];
    for (int i = 0; i < took.length; i++) {
      long start = System.nanoTime();
      attempt.run();
      took[i] = System.nanoTime() - start;
    }
    java.util.Arrays.sort(took);
    return took[took.length / 2];
  }

  @Test
  void refusesTakenUsernamesWhateverTheirCase() {
    String username = unique("Taken");
    users.register(new NewAccount(username, "password1", null, null, false));

    assertThatThrownBy(
            () ->
                users.register(
                    new NewAccount(username.toLowerCase(), "password2", null, null, false)))
        .isInstanceOfSatisfying(
            Problem.class, problem -> assertThat(problem.kind()).isEqualTo(Problem.Kind.CONFLICT))
        .hasMessageContaining("already taken");
  }

  @Test
  void renamesWithinLimitsAndFallsBackToTheUsername() {
    String username = "ren" + UUID.randomUUID().toString().substring(0, 8);
    User user = users.register(new NewAccount(username, "password123", "Old", null, false));

    assertThat(users.rename(user.id(), "  New Name ").displayName()).isEqualTo("New Name");
    assertThat(users.find(user.id()).orElseThrow().displayName()).isEqualTo("New Name");
    assertThat(users.rename(user.id(), " ").displayName()).isEqualTo(username);
    assertThatThrownBy(() -> users.rename(user.id(), "x".repeat(129)))
        .isInstanceOf(Problem.class)
        .hasMessageContaining("at most 128");
  }

  @Test
  void refusesBadUsernamesAndShortPasswords() {
    assertThatThrownBy(() -> users.register(new NewAccount("x", "password1", null, null, false)))
        .isInstanceOfSatisfying(
            Problem.class, problem -> assertThat(problem.kind()).isEqualTo(Problem.Kind.INVALID));
    assertThatThrownBy(
            () -> users.register(new NewAccount(unique("ok"), "short", null, null, false)))
        .hasMessageContaining("at least 8");
  }

  @Test
  void resolvesAnIssuedTokenAndStoresOnlyItsHash() {
    User user = users.register(new NewAccount(unique("tok"), "password1", null, null, false));

    var issued = tokens.issuePersonal(user.id(), "cli");

    assertThat(issued.value()).matches("[0-9a-f]{40}");
    assertThat(tokens.resolve(issued.value())).contains(new Caller(user.id(), ""));
    assertThat(
            database
                .getCollection("oauthaccesstokens")
                .find(Filters.eq("tokenHash", TokenValues.hash(issued.value())))
                .first())
        .isNotNull();
    assertThat(
            database
                .getCollection("oauthaccesstokens")
                .find(Filters.eq("tokenHash", issued.value()))
                .first())
        .isNull();
    assertThat(nonpersist.ttl("token:t:" + TokenValues.hash(issued.value()))).isBetween(1L, 600L);
  }

  @Test
  void forgetsARevokedTokenAtOnceEvenWhenCached() {
    User user = users.register(new NewAccount(unique("rev"), "password1", null, null, false));
    var issued = tokens.issuePersonal(user.id(), null);
    assertThat(tokens.resolve(issued.value())).isPresent();

    tokens.revoke(user.id(), issued.token().id());

    assertThat(tokens.resolve(issued.value())).isEmpty();
    assertThat(tokens.list(user.id())).isEmpty();
  }

  @Test
  void letsNobodyRevokeSomeoneElsesToken() {
    User owner = users.register(new NewAccount(unique("own"), "password1", null, null, false));
    User other = users.register(new NewAccount(unique("oth"), "password1", null, null, false));
    var issued = tokens.issuePersonal(owner.id(), null);

    assertThatThrownBy(() -> tokens.revoke(other.id(), issued.token().id()))
        .isInstanceOf(Problem.class)
        .hasMessage("Token not found");
    assertThat(tokens.resolve(issued.value())).isPresent();
  }

  @Test
  void resolvesNothingForUnknownOrMalformedTokens() {
    assertThat(tokens.resolve(TokenValues.generate())).isEmpty();
    assertThat(tokens.resolve("not-a-token")).isEmpty();
    assertThat(tokens.resolve(null)).isEmpty();
  }
}
