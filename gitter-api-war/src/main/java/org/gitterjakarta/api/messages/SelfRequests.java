package org.gitterjakarta.api.messages;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests an instance makes of its own API before it reports ready. Its listener answers only once
 * every WAR of the instance is deployed: until then a refused connection, or the container's 404
 * for a context not mapped yet (no rate-limit header: the request never reached the API's filters),
 * is tried again. Any other answer that did not come from the API ends the requests.
 */
final class SelfRequests {

  static final Duration RETRY_AFTER = Duration.ofMillis(100);
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private SelfRequests() {}

  /**
   * Posts a message body {@code times} times with {@code token}; the statuses of the answers the
   * API itself gave. Throws when the listener is not up within {@code maxWait}, or when something
   * else answers (the token refused, a request turned away).
   */
  static List<Integer> post(URI uri, String token, int times, Duration maxWait)
      throws IOException, InterruptedException {
    // HTTP/1.1, as requests through the proxy come
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"warm-up\"}"))
            .build();
    long giveUp = System.nanoTime() + maxWait.toNanos();
    List<Integer> answers = new ArrayList<>();
    while (answers.size() < times) {
      try {
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.headers().firstValue("X-RateLimit-Limit").isPresent()) {
          answers.add(response.statusCode());
          continue;
        }
        if (response.statusCode() != 404) {
          throw new IllegalStateException(
              "answered " + response.statusCode() + " before reaching the send method");
        }
      } catch (IOException notListening) {
        if (System.nanoTime() > giveUp) {
          throw notListening;
        }
      }
      if (System.nanoTime() > giveUp) {
        throw new IllegalStateException("the API did not answer within " + maxWait);
      }
      Thread.sleep(RETRY_AFTER.toMillis());
    }
    return answers;
  }
}
