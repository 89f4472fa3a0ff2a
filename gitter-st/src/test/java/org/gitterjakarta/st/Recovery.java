package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import org.gitterjakarta.testsupport.Pause;
import org.gitterjakarta.testsupport.bayeux.BayeuxClient;
import org.gitterjakarta.testsupport.http.Http;
import org.gitterjakarta.testsupport.launcher.GitterRun;

/** What the store-outage suites check of an instance that lost a store and got it back. */
final class Recovery {

  private Recovery() {}

  /** Polls readiness for the whole {@code period}; true when a check named so was seen down. */
  static boolean readinessSeenDown(GitterRun gitter, Duration period, Predicate<String> check) {
    Instant end = Instant.now().plus(period);
    boolean seenDown = false;
    while (Instant.now().isBefore(end)) {
      var ready = Http.get(gitter.uri("/health/ready"));
      if (ready.statusCode() == 503) {
        seenDown |=
            Http.object(ready).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .anyMatch(
                    c -> check.test(c.getString("name")) && c.getString("status").equals("DOWN"));
      }
      Pause.sleep(250);
    }
    return seenDown;
  }

  static void awaitReady(GitterRun gitter, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Http.get(gitter.uri("/health/ready")).statusCode() != 200) {
      assertThat(Instant.now()).as("ready again").isBefore(deadline);
      Pause.sleep(250);
    }
  }

  /** The ids of every message of the room, page by page. */
  static Set<String> storedIds(GitterRun gitter, String roomId, String token) {
    Set<String> ids = new HashSet<>();
    String beforeId = null;
    while (true) {
      String page = "/rooms/" + roomId + "/chatMessages?limit=100";
      var messages =
          Http.array(
              Api.call(
                  gitter,
                  "GET",
                  page + (beforeId == null ? "" : "&beforeId=" + beforeId),
                  token,
                  null));
      if (messages.isEmpty()) {
        return ids;
      }
      messages.getValuesAs(JsonObject.class).forEach(m -> ids.add(m.getString("id")));
      beforeId = messages.getJsonObject(0).getString("id");
    }
  }

  /**
   * A message sent once the instance is ready again arrives live. Events published while the
   * instance's subscription was down are missed by design (clients catch up from history), so a
   * probe is sent again a few times rather than failing on one that may have raced the readiness
   * poll.
   */
  static boolean liveDeliveryResumes(
      GitterRun gitter, BayeuxClient client, String roomId, String token) {
    String channel = "/api/v1/rooms/" + roomId + "/chatMessages";
    for (int attempt = 0; attempt < 3; attempt++) {
      String text = "after the outage " + attempt;
      Api.call(
          gitter,
          "POST",
          "/rooms/" + roomId + "/chatMessages",
          token,
          "{\"text\":\"" + text + "\"}");
      if (client.hears(
          channel, 10_000, d -> d.getJsonObject("model").getString("text").equals(text))) {
        return true;
      }
    }
    System.err.println(gitter.tail());
    return false;
  }
}
