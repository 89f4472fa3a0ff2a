package org.gitterjakarta.ws.bayeux;

import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.http.jakarta.CometDServlet;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * CometD's servlet, with the pool that writes to the clients started with it. CometD hands each
 * subscriber's flush to its executor, which by default starts with no thread and adds one per job
 * that finds none idle: a fresh instance's first messages to a big room paid for creating a hundred
 * threads inside the publish (a restarted instance's first message to 1,000 subscribers took 56-113
 * ms to hand over against 5-20 ms once they existed, gitter-bench, issue 18). Here they exist
 * before the first client. {@value #MAX_THREADS} is CometD's own default ({@code
 * executorMaxThreads}), which a busy room reaches anyway.
 */
public class BayeuxServlet extends CometDServlet {

  static final String MAX_THREADS_PARAMETER = "executorMaxThreads";
  static final String MIN_THREADS_PARAMETER = "executorMinThreads";
  static final int MAX_THREADS = 128;

  @Override
  protected BayeuxServer newBayeuxServer() {
    BayeuxServerImpl server = (BayeuxServerImpl) super.newBayeuxServer();
    int max = parameter(MAX_THREADS_PARAMETER, MAX_THREADS);
    int min = Math.min(max, parameter(MIN_THREADS_PARAMETER, max));
    server.setExecutor(executor(max, min));
    return server;
  }

  /** Started and stopped with the Bayeux server, which manages what it is given before starting. */
  static QueuedThreadPool executor(int max, int min) {
    QueuedThreadPool pool = new QueuedThreadPool(max, min);
    pool.setName("bayeux-executor");
    pool.setReservedThreads(0); // as CometD's own: every thread takes flushes
    return pool;
  }

  private int parameter(String name, int fallback) {
    String value = getInitParameter(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, not " + parsed);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, not '" + value + "'", e);
    }
  }
}
