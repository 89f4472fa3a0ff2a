package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gitterjakarta.st.Api.call;
import static org.gitterjakarta.st.Api.community;
import static org.gitterjakarta.st.Api.join;
import static org.gitterjakarta.st.Api.send;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gitterjakarta.testsupport.bayeux.BayeuxClient;
import org.gitterjakarta.testsupport.http.Http;
import org.gitterjakarta.testsupport.launcher.GitterRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product's figures at {@code /metrics}, scraped as Prometheus would (text format) before and
 * after messages are sent over the API and received over Bayeux: the counters move, the delivery
 * lag is observed, the open socket counts.
 */
class MetricsIT {

  static GitterRun gitter;

  @BeforeAll
  static void instance() {
    gitter = SharedInstance.get();
  }

  @Test
  void countsMessagesSentDeliveredTheirLagAndTheOpenSockets() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String alice = SharedInstance.newUser("malice" + suffix);
    String bob = SharedInstance.newUser("mbob" + suffix);
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    join(roomId, bob);
    Scrape before = Scrape.of(gitter);

    try (var client = BayeuxClient.websocket(gitter.bayeux())) {
      client.handshake(bob);
      String channel = "/api/v1/rooms/" + roomId + "/chatMessages";
      assertThat(client.subscribe(channel, null).getBoolean("successful")).isTrue();
      send(roomId, alice, "counted one");
      send(roomId, alice, "counted two");
      client.await(channel, d -> "counted two".equals(d.getJsonObject("model").getString("text")));

      Scrape after = Scrape.of(gitter);
      assertThat(after.sum("gitter_messages_sent_total"))
          .isGreaterThanOrEqualTo(before.sum("gitter_messages_sent_total") + 2);
      assertThat(after.sum("gitter_fanout_deliveries_total"))
          .isGreaterThanOrEqualTo(before.sum("gitter_fanout_deliveries_total") + 2);
      assertThat(after.sum("gitter_fanout_lag_seconds_count"))
          .isGreaterThanOrEqualTo(before.sum("gitter_fanout_lag_seconds_count") + 2);
      assertThat(after.sum("gitter_unread_fanout_seconds_count"))
          .isGreaterThanOrEqualTo(before.sum("gitter_unread_fanout_seconds_count") + 2);
      assertThat(after.sum("gitter_unread_batch_messages_sum"))
          .as("both messages went through the room's unread batches")
          .isGreaterThanOrEqualTo(before.sum("gitter_unread_batch_messages_sum") + 2);
      assertThat(after.first("gitter_fanout_lag_seconds{", "quantile=\"0.5\""))
          .as("the lag's quantiles are in seconds, as its max")
          .isLessThanOrEqualTo(after.sum("gitter_fanout_lag_seconds_max"));
      assertThat(after.sum("gitter_realtime_sockets")).isGreaterThanOrEqualTo(1);
      assertThat(after.series())
          .as("each figure is tagged with the WAR that counted it")
          .anyMatch(
              s -> s.startsWith("gitter_messages_sent_total{") && s.contains("war=\"gitter-api\""))
          .anyMatch(s -> s.startsWith("gitter_redis_errors_total{"))
          .anyMatch(s -> s.startsWith("gitter_mongo_errors_total{"));
    }
  }

  @Test
  void countsRequestsRefusedByTheRateLimit() {
    String token = SharedInstance.newUser("mbusy" + UUID.randomUUID().toString().substring(0, 6));
    Scrape before = Scrape.of(gitter);

    HttpResponse<String> last = call("GET", "/user", token, null);
    int limit = Integer.parseInt(last.headers().firstValue("X-RateLimit-Limit").orElseThrow());
    for (int i = 0; i < limit && last.statusCode() != 429; i++) {
      last = call("GET", "/user", token, null);
    }
    assertThat(last.statusCode()).isEqualTo(429);
    call("GET", "/user", token, null);

    assertThat(Scrape.of(gitter).sum("gitter_rate_limited_total"))
        .isGreaterThanOrEqualTo(before.sum("gitter_rate_limited_total") + 2);
  }

  /** One scrape: each series (name and labels) with its value. */
  record Scrape(Map<String, Double> values) {

    private static final Pattern SAMPLE =
        Pattern.compile("^([a-zA-Z_:][\\w:]*)(\\{[^}]*})? (\\S+)$");

    static Scrape of(GitterRun gitter) {
      var response = Http.get(gitter.uri("/metrics"), "Accept", "text/plain");
      assertThat(response.statusCode()).isEqualTo(200);
      Map<String, Double> values = new HashMap<>();
      for (String line : response.body().split("\n")) {
        Matcher sample = SAMPLE.matcher(line);
        if (!line.startsWith("#") && sample.matches()) {
          // Payara 6 may print a series more than once: it is one series all the same
          values.put(
              sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
              Double.parseDouble(sample.group(3)));
        }
      }
      return new Scrape(values);
    }

    java.util.Set<String> series() {
      return values.keySet();
    }

    /** The value of the first series whose name and labels start so and hold {@code label}. */
    double first(String prefix, String label) {
      return values.entrySet().stream()
          .filter(e -> e.getKey().startsWith(prefix) && e.getKey().contains(label))
          .mapToDouble(Map.Entry::getValue)
          .findFirst()
          .orElseThrow(() -> new AssertionError("no series " + prefix + "..." + label));
    }

    /** The sum over a name's series (one per WAR that counts it). */
    double sum(String name) {
      return values.entrySet().stream()
          .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
          .mapToDouble(Map.Entry::getValue)
          .sum();
    }
  }
}
