package org.gitterjakarta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UserAddOptionsTest {

  @Test
  void readsUsernameAndOptionsInAnyOrder() {
    var cut =
        UserAddOptions.parse(
            "--admin",
            "jane",
            "--password",
            "s3cret-pass",
            "--email",
            "jane@example.org",
            "--name",
            "Jane Doe");

    assertThat(cut.username()).isEqualTo("jane");
    assertThat(cut.password()).contains("s3cret-pass");
    assertThat(cut.admin()).isTrue();
    assertThat(cut.email()).contains("jane@example.org");
    assertThat(cut.displayName()).contains("Jane Doe");
  }

  @Test
  void makesPasswordAndAdminOptional() {
    var cut = UserAddOptions.parse("sam");

    assertThat(cut.password()).isEmpty();
    assertThat(cut.admin()).isFalse();
  }

  @Test
  void explainsUsageOnMistakes() {
    assertThatThrownBy(UserAddOptions::parse).hasMessageContaining("usage:");
    assertThatThrownBy(() -> UserAddOptions.parse("jane", "--password"))
        .hasMessageContaining("--password needs a value");
    assertThatThrownBy(() -> UserAddOptions.parse("jane", "john"))
        .hasMessageContaining("Unexpected argument: john");
    assertThatThrownBy(() -> UserAddOptions.parse("jane", "--force"))
        .hasMessageContaining("Unexpected argument: --force");
  }
}
