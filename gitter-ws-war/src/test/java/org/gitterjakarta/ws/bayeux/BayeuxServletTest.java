package org.gitterjakarta.ws.bayeux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.cometd.server.BayeuxServerImpl;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;

/**
 * The Bayeux server's executor: its threads are there before the first client, and stop with it.
 */
class BayeuxServletTest {

  /** The servlet with these init parameters, without a container. */
  static BayeuxServlet servlet(Map<String, String> parameters) {
    return new BayeuxServlet() {
      @Override
      public String getInitParameter(String name) {
        return parameters.get(name);
      }
    };
  }

  @Test
  void startsEveryThreadOfItsExecutorWithTheServerAndStopsThemWithIt() throws Exception {
    var server =
        (BayeuxServerImpl)
            servlet(Map.of("executorMaxThreads", "12", "executorMinThreads", "12"))
                .newBayeuxServer();
    server.start();
    try {
      var pool = (QueuedThreadPool) server.getExecutor();
      assertThat(pool.getMaxThreads()).isEqualTo(12);
      assertThat(pool.getThreads()).isEqualTo(12);
      assertThat(pool.isRunning()).isTrue();
    } finally {
      server.stop();
    }
    assertThat(((QueuedThreadPool) server.getExecutor()).isStopped()).isTrue();
  }

  @Test
  void keepsCometDsOwnMaximumAndStartsThatManyWhenNothingIsSaid() {
    var pool =
        (QueuedThreadPool) ((BayeuxServerImpl) servlet(Map.of()).newBayeuxServer()).getExecutor();

    assertThat(pool.getMaxThreads()).isEqualTo(BayeuxServlet.MAX_THREADS);
    assertThat(pool.getMinThreads()).isEqualTo(BayeuxServlet.MAX_THREADS);
  }

  @Test
  void neverStartsMoreThanItsMaximum() {
    var pool =
        (QueuedThreadPool)
            ((BayeuxServerImpl)
                    servlet(Map.of("executorMaxThreads", "8", "executorMinThreads", "64"))
                        .newBayeuxServer())
                .getExecutor();

    assertThat(pool.getMinThreads()).isEqualTo(8);
  }

  @Test
  void refusesCountsThatAreNotPositiveNumbers() {
    assertThatThrownBy(() -> servlet(Map.of("executorMinThreads", "many")).newBayeuxServer())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("executorMinThreads");
    assertThatThrownBy(() -> servlet(Map.of("executorMaxThreads", "0")).newBayeuxServer())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }
}
