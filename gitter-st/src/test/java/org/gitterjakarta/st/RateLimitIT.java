package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.gitterjakarta.testsupport.http.Http;
import org.gitterjakarta.testsupport.launcher.GitterRun;
import org.junit.jupiter.api.Test;

/** Gitter's rate limit headers, the 429 beyond the limit, and CORS for browser clients. */
class RateLimitIT {

  @Test
  void countsDownAndRefusesBeyondTheLimit() {
    GitterRun gitter = SharedInstance.get();
    String token =
        SharedInstance.newUser(
            "busy" + UUID.randomUUID().toString().substring(0, 6), "--password", "password123");

    HttpResponse<String> first = Http.get(gitter.uri("/api/v1/user"), "x-access-token", token);
    int limit = Integer.parseInt(first.headers().firstValue("X-RateLimit-Limit").orElseThrow());
    long reset = Long.parseLong(first.headers().firstValue("X-RateLimit-Reset").orElseThrow());
    assertThat(first.headers().firstValue("X-RateLimit-Remaining"))
        .contains(String.valueOf(limit - 1));
    assertThat(reset).isGreaterThan(System.currentTimeMillis());

    HttpResponse<String> last = first;
    for (int i = 1; i < limit; i++) {
      last = Http.get(gitter.uri("/api/v1/user"), "x-access-token", token);
    }
    assertThat(last.statusCode()).isEqualTo(200);
    assertThat(last.headers().firstValue("X-RateLimit-Remaining")).contains("0");

    HttpResponse<String> refused = Http.get(gitter.uri("/api/v1/user"), "x-access-token", token);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(Http.object(refused).getString("error")).startsWith("Too many requests");
    assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).contains("0");
  }

  @Test
  void answersPreflightsAndExposesTheRateLimitHeaders() {
    GitterRun gitter = SharedInstance.get();

    HttpResponse<String> preflight =
        Http.send(
            HttpRequest.newBuilder(gitter.uri("/api/v1/rooms"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type"));

    assertThat(preflight.statusCode()).isBetween(200, 204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://example.org");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
        .contains("authorization")
        .contains("x-access-token");
    assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).contains("600");
    HttpResponse<String> denied =
        Http.get(gitter.uri("/api/v1/user"), "Origin", "https://example.org");
    assertThat(denied.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
        .contains("X-RateLimit-Remaining");
  }
}
