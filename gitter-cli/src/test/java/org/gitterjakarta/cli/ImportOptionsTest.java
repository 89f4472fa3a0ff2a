package org.gitterjakarta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImportOptionsTest {

  @Test
  void readsFileRoomAndOptionsInAnyOrder() {
    var cut =
        ImportOptions.parse("--room", "team/archive", "--public", "h.ndjson", "--admin", "ann");

    assertThat(cut.file()).isEqualTo(Path.of("h.ndjson"));
    assertThat(cut.room()).isEqualTo("team/archive");
    assertThat(cut.admin()).contains("ann");
    assertThat(cut.publicRoom()).isTrue();
  }

  @Test
  void makesRoomsPrivateByDefault() {
    var cut = ImportOptions.parse("h.ndjson", "--room", "team/archive");

    assertThat(cut.publicRoom()).isFalse();
    assertThat(cut.admin()).isEmpty();
  }

  @Test
  void explainsUsageOnMistakes() {
    assertThatThrownBy(() -> ImportOptions.parse("h.ndjson")).hasMessageContaining("usage:");
    assertThatThrownBy(() -> ImportOptions.parse("h.ndjson", "--room"))
        .hasMessageContaining("--room needs a value");
    assertThatThrownBy(() -> ImportOptions.parse("a", "b", "--room", "t/r"))
        .hasMessageContaining("Unexpected argument: b");
  }
}
