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

    Socket(long last) {
      this.last = last;
    }

    @Override
    public long lastFrameNanos() {
      return last;
    }

    @Override
    public void closeIdle() {
      closed = true;
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
}
