package org.gitterjakarta.ws.bayeux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.server.BayeuxServerImpl;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;

/**
 * The Bayeux server's executor: its threads are there before the first client, and stop with it.
 */
class BayeuxServletTest {

  /** CometD's own start and stop of the servlet, in a container that holds only attributes. */
  @Test
  void startsItsExecutorsThreadsWithTheServletAndStopsThemWithIt() throws Exception {
    var servlet = new BayeuxServlet();
    servlet.maxThreads = 12;
    Map<String, Object> attributes = new HashMap<>();

    servlet.init(config(context(attributes)));
    var pool = executorOf(servlet.getBayeuxServer());
    try {
      assertThat(attributes.get(BayeuxServer.ATTRIBUTE)).isSameAs(servlet.getBayeuxServer());
      assertThat(pool.isRunning()).isTrue();
      assertThat(pool.getMaxThreads()).isEqualTo(12);
      assertThat(pool.getThreads()).as("started before any client").isEqualTo(12);
    } finally {
      servlet.destroy();
    }
    assertThat(pool.isStopped()).isTrue();
  }

  @Test
  void startsAllOfItsThreadsUnlessToldOtherwise() {
    var servlet = new BayeuxServlet();

    var pool = executorOf(servlet.newBayeuxServer());

    assertThat(pool.getMaxThreads()).isEqualTo(BayeuxServlet.MAX_THREADS);
    assertThat(pool.getMinThreads()).isEqualTo(BayeuxServlet.MAX_THREADS);
  }

  @Test
  void mayStartThemAsMessagesNeedThemAsCometDDoesButNeverMoreThanItsMaximum() {
    var servlet = new BayeuxServlet();
    servlet.minThreads = Optional.of(0);
    assertThat(executorOf(servlet.newBayeuxServer()).getMinThreads()).isZero();

    assertThat(BayeuxServlet.executor(8, 64).getMinThreads()).isEqualTo(8);
  }

  @Test
  void refusesCountsItCannotUse() {
    assertThatThrownBy(() -> BayeuxServlet.executor(0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gitter.ws.executor-threads must be at least 1");
    assertThatThrownBy(() -> BayeuxServlet.executor(8, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gitter.ws.executor-min-threads must be 0 or more");
  }

  private static QueuedThreadPool executorOf(BayeuxServer server) {
    return (QueuedThreadPool) ((BayeuxServerImpl) server).getExecutor();
  }

  private static ServletConfig config(ServletContext context) {
    return stub(
        ServletConfig.class,
        (method, args) ->
            switch (method) {
              case "getServletContext" -> context;
              case "getServletName" -> "bayeux";
              case "getInitParameterNames" -> Collections.emptyEnumeration();
              default -> null;
            });
  }

  private static ServletContext context(Map<String, Object> attributes) {
    return stub(
        ServletContext.class,
        (method, args) ->
            switch (method) {
              case "getAttribute" -> attributes.get((String) args[0]);
              case "setAttribute" -> attributes.put((String) args[0], args[1]);
              case "removeAttribute" -> attributes.remove((String) args[0]);
              case "getInitParameterNames", "getAttributeNames" -> Collections.emptyEnumeration();
              case "getContextPath" -> "/bayeux";
              default -> null;
            });
  }

  /** The interface answering by method name; what a void method answers is ignored. */
  private static <T> T stub(Class<T> type, BiFunction<String, Object[], Object> answers) {
    return type.cast(
        Proxy.newProxyInstance(
            BayeuxServletTest.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> answers.apply(method.getName(), args)));
  }
}
