package org.gitterjakarta.users.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserTest {

  @Test
  void keepsALowerCaseUsernameForCaseInsensitiveUniqueness() {
    var cut = User.create("id1", "JaneDoe", null, null, "hash", false);

    assertThat(cut.lcUsername()).isEqualTo("janedoe");
    assertThat(cut.username()).isEqualTo("JaneDoe");
  }

  @Test
  void fallsBackToTheUsernameWithoutDisplayName() {
    var cut = User.create("id1", "jane", " ", "", "hash", false);

    assertThat(cut.displayName()).isEqualTo("jane");
    assertThat(cut.emails()).isEmpty();
  }

  @Test
  void startsAtVersionOneAndBumpsOnChange() {
    var cut = User.create("id1", "jane", "Jane", "jane@example.org", "hash", true);

    assertThat(cut.v()).isEqualTo(1);
    assertThat(cut.withPasswordHash("other").v()).isEqualTo(2);
    assertThat(cut.emails()).containsExactly("jane@example.org");
    assertThat(cut.staff()).isTrue();
  }

  @Test
  void removesAnAccountAndScrubsAGhost() {
    var cut = User.create("id1", "jane", "Jane", "jane@example.org", "hash", true);

    User removed = cut.removed(false);
    User ghost = cut.removed(true);

    assertThat(removed.isRemoved()).isTrue();
    assertThat(removed.username()).isEqualTo("jane");
    assertThat(removed.passwordHash()).isNull();
    assertThat(ghost.username()).isEqualTo("ghost~id1");
    assertThat(ghost.displayName()).isEqualTo("Ghost");
    assertThat(ghost.emails()).isEmpty();
    assertThat(ghost.staff()).isFalse();
  }
}
