package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gitterjakarta.st.Api.call;
import static org.gitterjakarta.st.Api.ok;
import static org.gitterjakarta.st.Api.send;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gitterjakarta.testsupport.bayeux.BayeuxClient;
import org.gitterjakarta.testsupport.http.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Taking access away reaches the live paths that are already open: the streaming API and Bayeux
 * sessions (long-polling and websocket) of a kicked member, a deleted account, a revoked token or a
 * changed password stop receiving the room's messages at once, on every realtime instance.
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
    roomId = Api.privateRoom(alice);
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
    try (var polling = BayeuxClient.longPolling(SharedInstance.get().bayeux());
        var socket = BayeuxClient.websocket(SharedInstance.get().bayeux())) {
      String channel = "/api/v1/rooms/" + roomId + "/chatMessages";
      for (BayeuxClient client : new BayeuxClient[] {polling, socket}) {
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
    try (var socket = BayeuxClient.websocket(SharedInstance.get().bayeux())) {
      following(socket, bob);

      ok(call("DELETE", "/user/me", bob, "{}"));
      assertCutOff(socket, "after the deletion");
    }
  }

  @Test
  void aRevokedTokensSessionsStopReceiving() {
    JsonObject app =
        ok(
            call(
                "POST",
                "/oauth-clients",
                bob,
                "{\"name\":\"Bob's bot\",\"registeredRedirectUri\":\"http://localhost/cb\"}"));
    String appToken = appToken(app, bob);
    try (var socket = BayeuxClient.websocket(SharedInstance.get().bayeux());
        var polling = BayeuxClient.longPolling(SharedInstance.get().bayeux())) {
      socket.handshake(appToken);
      socket.subscribe(messages(), JsonValue.FALSE);
      following(polling, appToken);
      assertThat(socket.hears(messages(), 10_000)).as("before access is taken").isTrue();
      listeningForRevocation(socket, appToken);
      listeningForRevocation(polling, appToken);

      var deleted = call("DELETE", "/oauth-clients/" + app.getString("id"), bob, null);
      assertThat(deleted.statusCode()).as(deleted.body()).isIn(200, 204);
      assertTold(socket, appToken);
      assertTold(polling, appToken);
      assertCutOff(socket, "after the revocation");
      assertCutOff(polling, "after the revocation, long-polling");
    }
  }

  /** Gitter's token channel: only the token's holder may follow it. */
  private static void listeningForRevocation(BayeuxClient client, String token) {
    JsonObject subscribed = client.subscribe("/api/v1/token/" + token, null);
    assertThat(subscribed.getBoolean("successful")).as(subscribed.toString()).isTrue();
  }

  /** Gitter's {@code {notification: 'token_revoked'}} arrived on the token's channel. */
  private static void assertTold(BayeuxClient client, String token) {
    assertThat(
            client.hears(
                "/api/v1/token/" + token,
                10_000,
                data -> "token_revoked".equals(data.getString("notification", ""))))
        .as("token_revoked on the token's channel")
        .isTrue();
  }

  @Test
  void aPasswordChangeEndsTheLiveSessions() {
    String name = "rvcarol" + UUID.randomUUID().toString().substring(0, 6);
    String carol = SharedInstance.newUser(name, "--password", "a long password 1");
    ok(call("POST", "/rooms/" + roomId + "/users", alice, "{\"username\":\"" + name + "\"}"));
    try (var socket = BayeuxClient.websocket(SharedInstance.get().bayeux())) {
      following(socket, carol);
      listeningForRevocation(socket, carol);
      try (var stranger = BayeuxClient.longPolling(SharedInstance.get().bayeux())) {
        stranger.handshake(bob);
        JsonObject refused = stranger.subscribe("/api/v1/token/" + carol, null);
        assertThat(refused.getBoolean("successful")).as("someone else's token").isFalse();
      }

      String address = "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
      var web = new SignInForm(SharedInstance.get(), address);
      web.signIn(name, "a long password 1");
      String page = web.get("/settings.xhtml").body();
      String form =
          SignInForm.field("password", "password")
              + "&"
              + SignInForm.field("password:current", "a long password 1")
              + "&"
              + SignInForm.field("password:replacement", "another long password 2")
              + "&"
              + SignInForm.field("password:change", "Change password")
              + "&"
              + SignInForm.field("jakarta.faces.ViewState", SignInForm.viewState(page));
      assertThat(web.post("/settings.xhtml", form).statusCode()).isIn(200, 302, 303);
      assertTold(socket, carol);
      assertCutOff(socket, "after the change");
    }
  }

  @Test
  void aKickReachesSessionsOnEveryRealtimeInstance() {
    try (var socket = BayeuxClient.websocket(SharedInstance.second().bayeux())) {
      following(socket, bob);

      kickBob();
      assertCutOff(socket, "after the kick");
    }
  }

  /** The client follows the room's messages as the token's holder, and hears one sent now. */
  private void following(BayeuxClient client, String token) {
    client.handshake(token);
    client.subscribe(messages(), JsonValue.FALSE);
    send(roomId, alice, "while allowed");
    assertThat(client.hears(messages(), 10_000)).as("before access is taken").isTrue();
  }

  /** A message sent now does not reach the client. */
  private void assertCutOff(BayeuxClient client, String text) {
    send(roomId, alice, text);
    assertThat(client.hears(messages(), 3_000)).as(text).isFalse();
  }

  private String messages() {
    return "/api/v1/rooms/" + roomId + "/chatMessages";
  }

  /** A token issued to an app through the code grant, by a person who holds a token already. */
  private static String appToken(JsonObject app, String personToken) {
    String query =
        "client_id="
            + app.getString("clientKey")
            + "&response_type=code&state=s&redirect_uri="
            + URLEncoder.encode("http://localhost/cb", StandardCharsets.UTF_8);
    var redirect =
        Http.send(
            HttpRequest.newBuilder(SharedInstance.get().uri("/login/oauth/authorize?" + query))
                .header("Authorization", "Bearer " + personToken));
    String location = redirect.headers().firstValue("Location").orElseThrow();
    String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
    var granted =
        Http.send(
            HttpRequest.newBuilder(SharedInstance.get().uri("/login/oauth/token"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=authorization_code&client_id="
                            + app.getString("clientKey")
                            + "&client_secret="
                            + app.getString("clientSecret")
                            + "&code="
                            + code
                            + "&redirect_uri="
                            + URLEncoder.encode("http://localhost/cb", StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    return Http.object(granted).getString("access_token");
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
