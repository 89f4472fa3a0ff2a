package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gitterjakarta.st.Api.call;
import static org.gitterjakarta.st.Api.community;
import static org.gitterjakarta.st.Api.ok;
import static org.gitterjakarta.st.Api.send;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

  /** Lines the server keeps for a reader that does not read (Stream.MAX_PENDING in the API WAR). */
  static final int MAX_PENDING = 500;

  /**
   * About 25 KB each as streamed ({@link Api#BULKY_TEXT}): 5 MB, more than the kernel (up to {@code
   * tcp_wmem}'s 4 MB on Linux) and the container (512 KiB) hold for a connection.
   */
  static final int BIG_MESSAGES = 200;

  /** Sent by two people, each within the test instance's 400 requests a minute. */
  static final int SMALL_MESSAGES = MAX_PENDING + 100;

  /**
   * A reader that stops reading (its socket's receive buffer full) is cut off once 500 lines wait
   * for it, while a reader that reads gets every line: the lines that wait are the server's memory.
   */
  @Test
  void cutsOffAReaderThatFallsFarBehind() throws Exception {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    Api.join(roomId, bob);
    String carol = SharedInstance.newUser("stcarol" + UUID.randomUUID().toString().substring(0, 6));
    Api.join(roomId, carol);
    // a connection of its own: closing this busy stream reset the shared client's HTTP/2
    // session, and with it the next test's stream
    var ownConnection = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<Stream<String>> response =
        ownConnection.send(
            stream(roomId + "/chatMessages").header("Authorization", "Bearer " + bob).build(),
            HttpResponse.BodyHandlers.ofLines());
    BlockingQueue<String> lines = Http.lines(response);
    try (var stalled = new Socket()) {
      stalled.setReceiveBufferSize(4096);
      stalled.connect(new InetSocketAddress("127.0.0.1", gitter.uri("/").getPort()));
      stalled
          .getOutputStream()
          .write(
              ("GET /api/stream/v1/rooms/"
                      + roomId
                      + "/chatMessages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                      + bob
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      send(roomId, alice, "first while stalled");
      assertThat(next(lines).getString("text")).isEqualTo("first while stalled");

      // more than the kernel and the container hold, then more lines than may wait
      int sent = 0;
      for (int i = 0; i < BIG_MESSAGES; i++, sent++) {
        send(roomId, alice, "big " + i + " " + Api.BULKY_TEXT);
      }
      for (int i = 0; i < SMALL_MESSAGES; i++, sent++) {
        send(roomId, i % 2 == 0 ? carol : bob, "small " + i);
      }
      String last = "small " + (SMALL_MESSAGES - 1);
      for (int i = 0; i < sent; i++) {
        assertThat(next(lines).getString("text"))
            .startsWith(i < BIG_MESSAGES ? "big " + i : "small ");
      }

      String read = readToTheEnd(stalled, 20_000);
      assertThat(read).startsWith("HTTP/1.1 200").contains("big 0 ");
      assertThat(read).as("lines after the cut-off").doesNotContain(last);
    } finally {
      response.body().close();
    }
  }

  /**
   * What the socket gives until the server closes it; fails if it is still open after {@code
   * millis} (keep-alives arrive every 5 s, so a stream that was not cut off never ends).
   */
  private static String readToTheEnd(Socket socket, long millis) throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    var bytes = new ByteArrayOutputStream();
    byte[] chunk = new byte[65_536];
    socket.setSoTimeout(1_000);
    while (System.currentTimeMillis() < deadline) {
      try {
        int n = socket.getInputStream().read(chunk);
        if (n < 0) {
          return bytes.toString(StandardCharsets.UTF_8);
        }
        bytes.write(chunk, 0, n);
      } catch (SocketTimeoutException quiet) {
        // read on until the deadline
      }
    }
    throw new AssertionError(
        "the stream was not cut off; " + bytes.size() + " bytes read in " + millis + " ms");
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
