package org.gitterjakarta.ws.bayeux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdleSocketsTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  /** A socket whose last frame came at a given time. */
  private static final class Socket implements IdleSockets.Watched {
    final long last;
    boolean closed;
    String reason;

    Socket(long last) {
      this.last = last;
    }

    @Override
    public long lastFrameNanos() {
      return last;
    }

    @Override
    public void goAway(String why) {
      closed = true;
      reason = why;
    }
  }

  @Test
  void closesOnlySocketsSilentLongerThanTheTimeout() {
    var sockets = new IdleSockets(180_000);
    long now = 1_000 * SECOND;
    var silent = new Socket(now - 181 * SECOND);
    var talking = new Socket(now - 179 * SECOND);
    sockets.opened(silent);
    sockets.opened(talking);

    assertThat(sockets.sweep(now)).containsExactly(silent);

    assertThat(silent.closed).isTrue();
    assertThat(silent.reason).isEqualTo("Idle");
    assertThat(talking.closed).isFalse();
    assertThat(sockets.size()).isEqualTo(1);
  }

  @Test
  void forgetsClosedSockets() {
    var sockets = new IdleSockets(1_000);
    var gone = new Socket(0);
    sockets.opened(gone);
    sockets.closed(gone);

    assertThat(sockets.sweep(10 * SECOND)).isEmpty();
    assertThat(gone.closed).isFalse();
  }

  @Test
  void closesEverySocketWhenTheInstanceStops() {
    var sockets = new IdleSockets(180_000);
    var one = new Socket(0);
    var two = new Socket(0);
    sockets.opened(one);
    sockets.opened(two);

    assertThat(sockets.closeAll("Server restarting")).isEqualTo(2);

    assertThat(one.reason).isEqualTo("Server restarting");
    assertThat(two.reason).isEqualTo("Server restarting");
    assertThat(sockets.size()).isZero();
  }
}
