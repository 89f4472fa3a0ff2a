package org.gitterjakarta.users.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsernamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"al", "suprememoocow", "Jane_Doe-2.0", "a1"})
  void acceptsLettersDigitsUnderscoreDashAndDot(String username) {
    assertThat(Usernames.problem(username)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "has space", "émile", "semi;colon", "<script>", ".dot", "dot."})
  void rejectsWhatGitterRejected(String username) {
    assertThat(Usernames.problem(username)).isPresent();
  }

  @Test
  void rejectsBlankAndOverlongNames() {
    assertThat(Usernames.problem(null)).contains("Username is required");
    assertThat(Usernames.problem("  ")).contains("Username is required");
    assertThat(Usernames.problem("x".repeat(81))).isEmpty();
    assertThat(Usernames.problem("x".repeat(82))).get().asString().contains("2 to 81");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"api", "API", "bayeux", "login", "explore", "settings", "signin", "archives"})
  void reservesTheSitesOwnAddresses(String username) {
    assertThat(Usernames.problem(username)).get().asString().contains("reserved");
  }
}
