package org.gitterjakarta.ws.bayeux;

import jakarta.inject.Inject;
import java.util.Optional;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.http.jakarta.CometDServlet;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CometD's servlet, with the pool that writes to the clients started with it. CometD hands each
 * subscriber's flush to its executor, which by default starts with no thread and adds one per job
 * that finds none idle: a restarted instance's first messages to a big room paid for creating some
 * eighty threads inside the hand-over (56-113 ms for 1,000 subscribers against 30-46 ms with the
 * threads there, gitter-bench, issue 18). Here they are started with the server and stay, idle or
 * not ({@code gitter.ws.executor-min-threads}, all of them unless said otherwise); their maximum
 * ({@code gitter.ws.executor-threads}) is CometD's own default, which a busy room reaches anyway.
 */
public class BayeuxServlet extends CometDServlet {

  static final int MAX_THREADS = 128;

  @Inject
  @ConfigProperty(name = "gitter.ws.executor-threads", defaultValue = "128")
  int maxThreads = MAX_THREADS;

  @Inject
  @ConfigProperty(name = "gitter.ws.executor-min-threads")
  Optional<Integer> minThreads = Optional.empty();

  @Override
  protected BayeuxServer newBayeuxServer() {
    BayeuxServerImpl server = (BayeuxServerImpl) super.newBayeuxServer();
    server.setExecutor(executor(maxThreads, minThreads.orElse(maxThreads)));
    return server;
  }

  /**
   * A pool of at most {@code max} threads, {@code min} of them (at most {@code max}) started with
   * it and kept. The Bayeux server starts and stops it, as it manages what it is given before it
   * starts.
   */
  static QueuedThreadPool executor(int max, int min) {
    if (max < 1) {
      throw new IllegalArgumentException(
          "gitter.ws.executor-threads must be at least 1, not " + max);
    }
    if (min < 0) {
      throw new IllegalArgumentException(
          "gitter.ws.executor-min-threads must be 0 or more, not " + min);
    }
    QueuedThreadPool pool = new QueuedThreadPool(max, Math.min(min, max));
    pool.setName("bayeux-executor");
    pool.setReservedThreads(0); // as CometD's own: every thread takes flushes
    return pool;
  }
}
