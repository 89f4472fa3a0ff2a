package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gitterjakarta.st.Api.call;
import static org.gitterjakarta.st.Api.ok;
import static org.gitterjakarta.st.Api.send;

import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Taking access away reaches the live paths that are already open: the streaming API and Bayeux
 * sessions (long-polling and websocket) of a kicked member, or of a deleted account, stop receiving
 * the room's messages at once, without reconnecting.
 */
class AccessRevocationIT {

  static final HttpClient HTTP = HttpClient.newHttpClient();

  String alice;
  String bob;
  String bobId;
  String bobName;
  String roomId;

  @BeforeEach
  void privateRoomWithBob() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    alice = SharedInstance.newUser("rvalice" + suffix);
    bobName = "rvbob" + suffix;
    bob = SharedInstance.newUser(bobName);
    bobId = Api.okArray(call("GET", "/user", bob, null)).getJsonObject(0).getString("id");
    String groupId = Api.community(alice).getString("id");
    roomId =
        ok(call(
                "POST",
                "/groups/" + groupId + "/rooms",
                alice,
                "{\"name\":\"inner\",\"security\":{\"security\":\"PRIVATE\"}}"))
            .getString("id");
    ok(call("POST", "/rooms/" + roomId + "/users", alice, "{\"username\":\"" + bobName + "\"}"));
  }

  @Test
  void aKickedMembersStreamEnds() throws Exception {
    HttpResponse<Stream<String>> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    SharedInstance.get().uri("/api/stream/v1/rooms/" + roomId + "/chatMessages"))
                .header("Authorization", "Bearer " + bob)
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    BlockingQueue<String> lines = Http.lines(response);
    send(roomId, alice, "before the kick");
    assertThat(nextMessage(lines)).contains("before the kick");

    kickBob();
    send(roomId, alice, "after the kick");

    assertThat(nextMessage(lines)).isEqualTo(END);
  }

  @Test
  void aKickedMembersBayeuxSessionsStopReceiving() {
    try (var polling = BayeuxTestClient.longPolling(SharedInstance.get());
        var socket = BayeuxTestClient.websocket(SharedInstance.get())) {
      String channel = "/api/v1/rooms/" + roomId + "/chatMessages";
      for (BayeuxTestClient client : new BayeuxTestClient[] {polling, socket}) {
        client.handshake(bob);
        client.subscribe(channel, JsonValue.FALSE);
      }
      send(roomId, alice, "before the kick");
      assertThat(polling.hears(channel, 10_000)).isTrue();
      assertThat(socket.hears(channel, 10_000)).isTrue();

      kickBob();
      send(roomId, alice, "after the kick");

      assertThat(polling.hears(channel, 3_000)).as("long-polling after the kick").isFalse();
      assertThat(socket.hears(channel, 1_000)).as("websocket after the kick").isFalse();
    }
  }

  @Test
  void aDeletedAccountsBayeuxSessionStopsReceiving() {
    try (var socket = BayeuxTestClient.websocket(SharedInstance.get())) {
      String channel = "/api/v1/rooms/" + roomId + "/chatMessages";
      socket.handshake(bob);
      socket.subscribe(channel, JsonValue.FALSE);
      send(roomId, alice, "before the deletion");
      assertThat(socket.hears(channel, 10_000)).isTrue();

      ok(call("DELETE", "/user/me", bob, "{}"));
      send(roomId, alice, "after the deletion");

      assertThat(socket.hears(channel, 3_000)).isFalse();
    }
  }

  static final String END = Http.END;

  private void kickBob() {
    var kicked = call("DELETE", "/rooms/" + roomId + "/users/" + bobId, alice, null);
    assertThat(kicked.statusCode()).as(kicked.body()).isEqualTo(200);
  }

  /** The next non-keep-alive line, or {@link #END} once the server ended the stream. */
  private static String nextMessage(BlockingQueue<String> lines) throws InterruptedException {
    while (true) {
      String line = lines.poll(5, TimeUnit.SECONDS);
      assertThat(line).as("a line or the end within 5 s").isNotNull();
      if (!line.isBlank()) {
        return line;
      }
    }
  }
}
