package org.gitterjakarta.bench.bayeux;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.gitterjakarta.bench.setup.GitterApi;
import org.gitterjakarta.testsupport.bayeux.BayeuxClient;

/**
 * Many Bayeux websocket clients of one endpoint, spread over several JDK HttpClients (each has one
 * selector thread) with a small pool of listener threads each, so the receiving side is not the
 * bottleneck. Sockets are opened {@value #OPENING} at a time.
 */
public final class Fleet implements AutoCloseable {

  static final int HTTP_CLIENTS = 4;
  static final int OPENING = 100;

  private final URI endpoint;
  private final String channel;
  private final Deliveries deliveries = new Deliveries();
  private final List<ExecutorService> executors = new ArrayList<>();
  private final List<HttpClient> clients = new ArrayList<>();
  private final List<BayeuxClient> open = new ArrayList<>();
  private final AtomicInteger lost = new AtomicInteger();
  private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
  private int failed;

  static final int OPEN_TIMEOUT_SECONDS = 30;

  /**
   * Failures in one {@link #open} after which it stops trying: past a limit (open files, ports)
   * every further client would only wait out its timeout.
   */
  static final int GIVE_UP_AFTER = 2 * OPENING;

  public Fleet(URI endpoint, String channel) {
    this.endpoint = endpoint;
    this.channel = channel;
    for (int i = 0; i < HTTP_CLIENTS; i++) {
      ExecutorService executor = Executors.newFixedThreadPool(2, GitterApi.daemon("bayeux-" + i));
      executors.add(executor);
      clients.add(HttpClient.newBuilder().executor(executor).build());
    }
  }

  /**
   * Opens {@code count} more clients, handshaking with the tokens in turn; stops early after
   * {@value #GIVE_UP_AFTER} failures.
   */
  public void open(int count, List<String> tokens) {
    Semaphore opening = new Semaphore(OPENING);
    List<CompletableFuture<BayeuxClient>> pending = new ArrayList<>();
    int first = open.size() + failed;
    AtomicInteger failing = new AtomicInteger();
    for (int i = 0; i < count && failing.get() < GIVE_UP_AFTER; i++) {
      opening.acquireUninterruptibly();
      int n = first + i;
      pending.add(
          BayeuxClient.subscriber(
                  clients.get(n % HTTP_CLIENTS),
                  endpoint,
                  tokens.get(n % tokens.size()),
                  channel,
                  deliveries::scan)
              // a handshake that never answers is a failed client, not a stalled run
              .orTimeout(OPEN_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)
              .whenComplete(
                  (c, e) -> {
                    if (e != null) {
                      failing.incrementAndGet();
                    }
                    opening.release();
                  }));
    }
    for (CompletableFuture<BayeuxClient> client : pending) {
      try {
        BayeuxClient subscribed = client.join();
        // only a client that was subscribed counts as dropped when its socket ends
        subscribed.lost().thenRun(lost::incrementAndGet);
        open.add(subscribed);
      } catch (RuntimeException e) {
        failed++;
        firstFailure.compareAndSet(null, e.getCause() != null ? e.getCause() : e);
      }
    }
  }

  public Deliveries deliveries() {
    return deliveries;
  }

  /** Clients subscribed and not dropped by the server since. */
  public int held() {
    return open.size() - lost.get();
  }

  /** Clients subscribed at some point (held now or lost since). */
  public int opened() {
    return open.size();
  }

  public int failed() {
    return failed;
  }

  public int lost() {
    return lost.get();
  }

  public String firstFailure() {
    Throwable failure = firstFailure.get();
    if (failure instanceof java.net.http.WebSocketHandshakeException refused) {
      return "websocket upgrade refused: HTTP " + refused.getResponse().statusCode();
    }
    // a timeout has no message: its class says what happened
    return failure == null
        ? ""
        : failure.getMessage() == null ? failure.toString() : failure.getMessage();
  }

  @Override
  public void close() {
    List<CompletableFuture<?>> closing = new ArrayList<>();
    for (int i = 0; i < open.size(); i++) {
      BayeuxClient client = open.get(i);
      // the socket is dropped once the disconnect and the close are sent: waiting for every
      // server's closing answer kept thousands of sockets (file descriptors) open in this JVM
      closing.add(client.closeAsync().whenComplete((ok, e) -> client.abort()));
      if (i % OPENING == OPENING - 1) {
        // at most OPENING closes in flight
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
            .exceptionally(e -> null)
            .join();
        closing.clear();
      }
    }
    CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
        .exceptionally(e -> null)
        .join();
    open.clear();
    for (ExecutorService executor : executors) {
      executor.shutdown();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
