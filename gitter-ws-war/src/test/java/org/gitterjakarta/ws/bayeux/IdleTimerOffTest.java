package org.gitterjakarta.ws.bayeux;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdleTimerOffTest {

  /** Stands for Tyrus's session: its executor in a private field of that name. */
  static final class SessionLike {
    private ScheduledExecutorService service;
    private volatile long maxIdleTimeout;

    SessionLike(ScheduledExecutorService service) {
      this.service = service;
    }
  }

  private final ScheduledExecutorService container = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    container.shutdownNow();
  }

  @Test
  void dropsIdleChecksWhileTheTimeoutIsOffAndRunsThemOnceItIsOn() throws Exception {
    var session = new SessionLike(container);
    assertThat(IdleTimerOff.install(session, () -> session.maxIdleTimeout)).isTrue();
    assertThat(session.service).isInstanceOf(IdleTimerOff.class);

    var ran = new CountDownLatch(1);
    var dropped = session.service.schedule(ran::countDown, 0, TimeUnit.MILLISECONDS);
    assertThat(dropped.isCancelled()).isTrue();
    assertThat(ran.await(200, TimeUnit.MILLISECONDS)).as("dropped, never run").isFalse();

    session.maxIdleTimeout = 1_000;
    session.service.schedule(ran::countDown, 0, TimeUnit.MILLISECONDS);
    assertThat(ran.await(5, TimeUnit.SECONDS)).as("with a timeout the container runs it").isTrue();
  }

  @Test
  void handsHeartbeatsToTheContainerAndNeverShutsItDown() throws Exception {
    var session = new SessionLike(container);
    IdleTimerOff.install(session, () -> 0);

    var beats = new CountDownLatch(2);
    var heartbeat =
        session.service.scheduleAtFixedRate(beats::countDown, 0, 10, TimeUnit.MILLISECONDS);
    assertThat(beats.await(5, TimeUnit.SECONDS)).isTrue();
    heartbeat.cancel(false);
    session.service.shutdown();
    assertThat(container.isShutdown()).isFalse();
  }

  @Test
  void leavesSessionsWithoutThatFieldAsTheyAreAndWrapsOnlyOnce() {
    assertThat(IdleTimerOff.install(new Object(), () -> 0)).isFalse();

    var session = new SessionLike(container);
    assertThat(IdleTimerOff.install(session, () -> 0)).isTrue();
    var wrapped = session.service;
    assertThat(IdleTimerOff.install(session, () -> 0)).isFalse();
    assertThat(session.service).isSameAs(wrapped);
    assertThat(IdleTimerOff.install(new SessionLike(null), () -> 0)).isFalse();
  }
}
