package org.gitterjakarta.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void restartsTheInstanceAloneAndThenWithItsStoresUnlessToldOtherwise() {
    assertThat(Settings.parse().words("fresh-restarts")).containsExactly("instance", "everything");
    assertThat(Settings.parse("--fresh-restarts", "everything").words("fresh-restarts"))
        .containsExactly("everything");
    assertThat(Settings.parse("--fresh-restarts", "").words("fresh-restarts")).isEmpty();
  }

  @Test
  void refusesAnUnknownOrRepeatedRestartBeforeAnythingStarts() {
    for (String value : List.of("everthing", "instance,instance", "instance,all")) {
      assertThatThrownBy(() -> Settings.parse("--fresh-restarts", value))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--fresh-restarts takes instance and/or everything");
    }
  }
}
