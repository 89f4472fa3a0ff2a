package org.gitterjakarta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UserSeedOptionsTest {

  @Test
  void readsPrefixCountAndPassword() {
    var cut = UserSeedOptions.parse("bench", "--password", "long-password", "3");

    assertThat(cut.prefix()).isEqualTo("bench");
    assertThat(cut.count()).isEqualTo(3);
    assertThat(cut.password()).isEqualTo("long-password");
    assertThat(cut.username(1)).isEqualTo("bench1");
  }

  @Test
  void rejectsMissingOrSillyCounts() {
    assertThatThrownBy(() -> UserSeedOptions.parse("bench"))
        .hasMessageContaining("usage: ./gitter user seed");
    assertThatThrownBy(() -> UserSeedOptions.parse("bench", "many"))
        .hasMessageContaining("count must be a number");
    assertThatThrownBy(() -> UserSeedOptions.parse("bench", "0"))
        .hasMessageContaining("between 1 and");
  }
}
