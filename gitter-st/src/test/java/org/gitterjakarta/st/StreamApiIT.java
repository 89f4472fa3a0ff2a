package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gitterjakarta.st.Api.call;
import static org.gitterjakarta.st.Api.community;
import static org.gitterjakarta.st.Api.ok;
import static org.gitterjakarta.st.Api.send;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gitterjakarta.testsupport.http.Http;
import org.gitterjakarta.testsupport.launcher.GitterRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Gitter's HTTP streaming API (§3.9) at {@code /api/stream/v1/rooms/:roomId/chatMessages}: same
 * tokens and read rules as REST, one JSON object per line per new message, {@code " \n"}
 * keep-alives, a response that does not end.
 */
class StreamApiIT {

  static final HttpClient HTTP = HttpClient.newHttpClient();

  /** The server's keep-alive period (Streams.KEEP_ALIVE_SECONDS in the API WAR). */
  static final int KEEP_ALIVE_SECONDS = 5;

  static GitterRun gitter;
  static String alice;
  static String bob;

  @BeforeAll
  static void people() {
    gitter = SharedInstance.get();
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    alice = SharedInstance.newUser("stalice" + suffix);
    bob = SharedInstance.newUser("stbob" + suffix);
  }

  static HttpRequest.Builder stream(String path) {
    return HttpRequest.newBuilder(gitter.uri("/api/stream/v1/rooms/" + path));
  }

  @Test
  void streamsNewMessagesAsJsonLinesWithKeepAlives() throws Exception {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    HttpResponse<Stream<String>> response =
        HTTP.send(
            stream(roomId + "/chatMessages").header("Authorization", "Bearer " + bob).build(),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    BlockingQueue<String> lines = Http.lines(response);

    send(roomId, alice, "streamed one");
    send(roomId, alice, "streamed two");

    JsonObject first = next(lines);
    JsonObject second = next(lines);
    assertThat(first.getString("text")).isEqualTo("streamed one");
    assertThat(second.getString("text")).isEqualTo("streamed two");
    String keepAlive = lines.poll(KEEP_ALIVE_SECONDS + 5, TimeUnit.SECONDS);
    assertThat(keepAlive).as("keep-alive").isEqualTo(" ");
    response.body().close();
  }

  @Test
  void streamsNewActivityEventsOfTheRoomsWebhooks() throws Exception {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    String hook =
        ok(call("POST", "/rooms/" + roomId + "/integrations", alice, "{\"name\":\"CI\"}"))
            .getString("url");
    HttpResponse<Stream<String>> response =
        HTTP.send(
            stream(roomId + "/events").header("Authorization", "Bearer " + bob).build(),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    BlockingQueue<String> lines = Http.lines(response);

    var posted = Http.postJson(java.net.URI.create(hook), "{\"message\":\"build *green*\"}");
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

    JsonObject event = next(lines);
    assertThat(event.getString("text")).isEqualTo("build *green*");
    assertThat(event.getString("html")).contains("<em>green</em>");
    response.body().close();
  }

  @Test
  void refusesWhatRestRefuses() throws Exception {
    String groupId = community(alice).getString("id");
    String secret =
        ok(call(
                "POST",
                "/groups/" + groupId + "/rooms",
                alice,
                "{\"name\":\"hush\",\"security\":{\"security\":\"PRIVATE\"}}"))
            .getString("id");

    assertThat(
            HTTP.send(
                    stream(secret + "/chatMessages").build(), HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(401);
    var hidden =
        HTTP.send(
            stream(secret + "/chatMessages?access_token=" + bob).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(hidden.statusCode()).as("a private room is refused, not hidden").isEqualTo(403);
    assertThat(Http.object(hidden).getString("error")).contains("access");
    assertThat(
            HTTP.send(
                    stream("nope/chatMessages").header("Authorization", "Bearer " + bob).build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(404);
  }

  private static JsonObject next(BlockingQueue<String> lines) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      String line = lines.poll(200, TimeUnit.MILLISECONDS);
      if (line != null && !line.isBlank()) {
        return Http.json(line).asJsonObject();
      }
    }
    throw new AssertionError("no line arrived");
  }
}
