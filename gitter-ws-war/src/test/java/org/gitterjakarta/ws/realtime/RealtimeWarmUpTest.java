package org.gitterjakarta.ws.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which channel the warm-up lets clients create and subscribe to, and when. */
class RealtimeWarmUpTest {

  static final String CHANNEL = "/gitter/warm-up/0123456789abcdef0123456789abcdef";

  final RealtimeWarmUp cut = new RealtimeWarmUp();

  @Test
  void admitsItsOwnChannelByExactNameOnly() {
    cut.admitOnly(CHANNEL);

    assertThat(cut.admits(CHANNEL)).isTrue();
    assertThat(cut.admits("/gitter/warm-up/*")).isFalse();
    assertThat(cut.admits("/gitter/warm-up/**")).isFalse();
    assertThat(cut.admits("/gitter/**")).isFalse();
    assertThat(cut.admits("/**")).isFalse();
    assertThat(cut.admits(CHANNEL.toUpperCase())).isFalse();
    assertThat(cut.admits(CHANNEL + "/more")).isFalse();
    assertThat(cut.admits(null)).isFalse();
  }

  @Test
  void admitsNothingOnceItsClientsAreIn() {
    cut.admitOnly(CHANNEL);
    cut.admitOnly(null);

    assertThat(cut.admits(CHANNEL)).isFalse();
  }

  @Test
  void isReadyAtOnceAndAdmitsNothingWithoutThePortToWarmUpThrough() {
    cut.enabled = true;
    cut.port = Optional.empty();

    cut.start(null, "/bayeux");

    assertThat(cut.warmedUp()).isTrue();
    assertThat(cut.admits(CHANNEL)).isFalse();
  }

  @Test
  void isReadyAtOnceWhenTurnedOff() {
    cut.enabled = false;
    cut.port = Optional.of(8080);

    cut.start(null, "/bayeux");

    assertThat(cut.warmedUp()).isTrue();
  }
}
