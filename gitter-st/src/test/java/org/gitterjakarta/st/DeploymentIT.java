package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.gitterjakarta.testsupport.bayeux.BayeuxClient;
import org.gitterjakarta.testsupport.http.Http;
import org.gitterjakarta.testsupport.launcher.GitterRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded default shape as a client sees it: web at /, API at /api/v1, Bayeux at /bayeux/. */
class DeploymentIT {

  static GitterRun gitter;

  @BeforeAll
  static void instance() {
    gitter = SharedInstance.get();
  }

  /** Each check once per instance, though each of the three WARs carries them all. */
  @Test
  void isReadyWithMongoAndEveryRedisRoleChecked() {
    var response = Http.get(gitter.uri("/health/ready"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject health = Http.object(response);
    assertThat(health.getString("status")).isEqualTo("UP");
    assertThat(health.getJsonArray("checks").getValuesAs(JsonObject.class))
        .extracting(check -> check.getString("name"))
        .containsExactlyInAnyOrder(
            "mongo",
            "redis-persist",
            "redis-nonpersist",
            "redis-pubsub",
            "live-events",
            "accepting-requests",
            "warmed-up",
            "realtime-warmed-up");
  }

  /**
   * A fresh instance's first message should not wait for the send path's classes to load, nor its
   * first messages to a big room for the unread work's loops to be compiled.
   */
  @Test
  void warmedTheSendPathBeforeItWasReady() throws java.io.IOException {
    assertThat(instanceLog())
        .contains("Send path warmed up in")
        .contains("A big room's unread work warmed up: 29970 items in")
        .doesNotContain("Send path warm-up failed")
        .doesNotContain("Unread warm-up failed")
        .doesNotContain("Send method warm-up failed")
        // whether the store had an account when it started depends on the suites before it
        .containsAnyOf(
            "Send method warmed up over HTTP: 5 requests",
            "Send method not warmed over HTTP: no account yet");
  }

  /**
   * A fresh instance's first messages should not reach their subscribers through interpreted code:
   * the fan-out ran with websocket clients of the instance's own before it said it was ready.
   */
  @Test
  void warmedTheRealtimePathBeforeItWasReady() throws java.io.IOException {
    assertThat(instanceLog())
        .contains(
            "Realtime path warmed up: 15000 deliveries to 50 sockets, 30 unread batches of 1000"
                + " people, in")
        .doesNotContain("Realtime warm-up failed")
        .doesNotContain("Realtime warm-up not");
  }

  /**
   * The warm-up's channel has a random name nobody outside learns; no pattern reaches it either,
   * and a name of its form is an unknown channel like any other.
   */
  @Test
  void refusesWarmUpChannelsAndPatternsOverThem() {
    try (var client = BayeuxClient.websocket(gitter.bayeux())) {
      assertThat(client.handshake(null).getBoolean("successful")).isTrue();

      for (String channel :
          new String[] {
            "/gitter/warm-up/0123456789abcdef0123456789abcdef",
            "/gitter/warm-up/*",
            "/gitter/warm-up/**",
            "/gitter/**",
            "/**"
          }) {
        JsonObject reply = client.subscribe(channel, null);

        assertThat(reply.getBoolean("successful")).as(channel).isFalse();
      }
    }
  }

  /** Tyrus's per-frame idle check is dropped on the real container, not only in a unit test. */
  @Test
  void turnedTheContainersPerFrameIdleTimerOffForBayeuxWebsockets() throws Exception {
    try (var client = BayeuxClient.websocket(gitter.bayeux())) {
      client.handshake(
          SharedInstance.newUser("idle" + java.util.UUID.randomUUID().toString().substring(0, 6)));
    }
    assertThat(instanceLog())
        .contains("Bayeux websockets: the container's per-frame idle timer is off")
        .doesNotContain("the container keeps its per-frame idle timer");
  }

  @Test
  void isAlive() {
    var response = Http.get(gitter.uri("/health/live"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject health = Http.object(response);
    assertThat(health.getString("status")).isEqualTo("UP");
    assertThat(health.getJsonArray("checks").getValuesAs(JsonObject.class))
        .extracting(check -> check.getString("name"))
        .containsExactly("application");
  }

  @Test
  void answersTheCurrentUserWithoutATokenWith401AndAJsonError() {
    var response = Http.get(gitter.uri("/api/v1/user"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(Http.object(response).getString("error")).isEqualTo("Unauthorized");
  }

  @Test
  void answersUnknownApiRoutesWith404AndAJsonError() {
    var response = Http.get(gitter.uri("/api/v1/no-such-resource"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Http.object(response).getString("error")).isEqualTo("Not Found");
  }

  @Test
  void servesTheWebUiAtTheRoot() {
    var response = Http.get(gitter.uri("/"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(response.body()).contains("<title>Gitter").contains("Where communities talk");
  }

  @Test
  void handshakesBayeuxOverLongPolling() {
    var response =
        Http.postJson(
            gitter.uri("/bayeux/"),
            "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
                + "\"supportedConnectionTypes\":[\"long-polling\"]}]");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject reply = Http.array(response).getJsonObject(0);
    assertThat(reply.getString("channel")).isEqualTo("/meta/handshake");
    assertThat(reply.getBoolean("successful")).isTrue();
    assertThat(reply.getString("clientId")).isNotBlank();
    assertThat(
            reply
                .getJsonArray("supportedConnectionTypes")
                .getValuesAs(jakarta.json.JsonString::getString))
        .contains("websocket", "long-polling");
    assertThat(reply.getJsonObject("advice").getInt("timeout")).isEqualTo(120000);
  }

  @Test
  void handshakesAndConnectsBayeuxOverWebSocket() throws Exception {
    var frames = new LinkedBlockingQueue<String>();
    WebSocket socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                URI.create("ws://127.0.0.1:" + gitter.port + "/bayeux/"), collecting(frames))
            .get(10, TimeUnit.SECONDS);
    try {
      socket.sendText(
          "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
              + "\"supportedConnectionTypes\":[\"websocket\"]}]",
          true);
      JsonObject handshake = nextReply(frames);
      assertThat(handshake.getBoolean("successful")).isTrue();
      String clientId = handshake.getString("clientId");

      socket.sendText(
          "[{\"channel\":\"/meta/connect\",\"clientId\":\""
              + clientId
              + "\",\"connectionType\":\"websocket\",\"advice\":{\"timeout\":0}}]",
          true);
      JsonObject connect = nextReply(frames);
      assertThat(connect.getString("channel")).isEqualTo("/meta/connect");
      assertThat(connect.getBoolean("successful")).isTrue();
    } finally {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void publishesAnOpenApiDocumentOfTheApi() {
    var response = Http.get(gitter.uri("/openapi"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("Gitter's REST API v1")
        .contains("/v1/rooms/{roomId}/chatMessages")
        .contains("scheme: bearer");
  }

  /** This instance's log only: earlier runs leave theirs (other ports) in the same folder. */
  private static String instanceLog() throws java.io.IOException {
    return java.nio.file.Files.readString(
        Launcher.WORK.resolve("shared-data/logs/payara-all-" + gitter.uri("").getPort() + ".log"));
  }

  private static JsonObject nextReply(BlockingQueue<String> frames) throws InterruptedException {
    String frame = frames.poll(10, TimeUnit.SECONDS);
    assertThat(frame).as("a Bayeux reply within 10 s").isNotNull();
    return Http.json(frame).asJsonArray().getJsonObject(0);
  }

  private static WebSocket.Listener collecting(BlockingQueue<String> frames) {
    return new WebSocket.Listener() {
      private final StringBuilder partial = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
          frames.add(partial.toString());
          partial.setLength(0);
        }
        socket.request(1);
        return null;
      }
    };
  }
}
