package org.gitterjakarta.ratelimits.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalWindowsTest {

  final LocalWindows cut = new LocalWindows();

  @Test
  void countsWithinAWindowAndStartsAgainAfterIt() {
    assertThat(cut.hit("k", 1000, 0)).containsExactly(1, 1000);
    assertThat(cut.hit("k", 1000, 400)).containsExactly(2, 1000);
    assertThat(cut.peek("k", 999)).isEqualTo(2);
    assertThat(cut.peek("k", 1000)).isZero();
    assertThat(cut.hit("k", 1000, 1000)).containsExactly(1, 2000);
  }

  @Test
  void keepsKeysApart() {
    cut.hit("a", 1000, 0);
    assertThat(cut.hit("b", 1000, 0)[0]).isEqualTo(1);
  }
}
