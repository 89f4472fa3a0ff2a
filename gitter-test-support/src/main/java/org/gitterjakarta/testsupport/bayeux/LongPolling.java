package org.gitterjakarta.testsupport.bayeux;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Long-polling: every batch is a POST whose response body carries the replies and deliveries; the
 * held {@code /meta/connect} is one of them.
 */
final class LongPolling implements Transport {

  // longer than any server's /meta/connect hold
  static final Duration TIMEOUT = Duration.ofSeconds(150);

  private final HttpClient http;
  private final URI endpoint;
  private final Consumer<String> receiver;

  LongPolling(HttpClient http, URI endpoint, Consumer<String> receiver) {
    this.http = http;
    this.endpoint = endpoint;
    this.receiver = receiver;
  }

  @Override
  public String connectionType() {
    return "long-polling";
  }

  @Override
  public CompletableFuture<Void> send(String batch) {
    var request =
        HttpRequest.newBuilder(endpoint)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(batch))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenAccept(response -> receiver.accept(response.body()));
  }

  @Override
  public CompletableFuture<Void> close() {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void abort() {
    // nothing is held open between requests
  }
}
