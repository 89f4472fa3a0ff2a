package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.gitterjakarta.testsupport.http.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Input an attacker sends, against the shared instance: malformed bodies and numbers on the API,
 * malformed and oversized Bayeux requests, markdown nested thousands of levels, broken page
 * parameters. Each is refused with a clean 4xx in the protocol's own shape (or handled), nothing
 * refused changes stored data, and the instance stays ready throughout.
 */
class HostileInputIT {

  static final List<String> NOT_OBJECTS = List.of("null", "[]", "\"x\"", "123", "true");

  static String owner;
  static String roomId;
  static String roomUri;

  @BeforeAll
  static void room() {
    owner = SharedInstance.newUser("hostile" + suffix());
    JsonObject community = Api.community(owner);
    roomId = community.getJsonObject("defaultRoom").getString("id");
    roomUri = community.getJsonObject("defaultRoom").getString("uri");
  }

  @AfterEach
  void instanceStaysReady() {
    var ready = Http.get(SharedInstance.get().uri("/health/ready"));
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
  }

  // ------------------------------------------------------------------ REST API bodies

  @Test
  void bodiesThatAreNotObjectsAre400sWithGittersErrorBody() {
    String roomId = Api.defaultRoomOf(owner);
    List<String[]> routes =
        List.of(
            new String[] {"POST", "/rooms/" + roomId + "/chatMessages"},
            new String[] {"POST", "/groups"},
            new String[] {"PUT", "/rooms/" + roomId},
            new String[] {"PATCH", "/user/me/rooms/" + roomId},
            new String[] {"POST", "/rooms"});
    for (String[] route : routes) {
      for (String body : NOT_OBJECTS) {
        assertJsonError(Api.call(route[0], route[1], owner, body), 400);
      }
    }
    assertThat(history(roomId)).isEmpty();
  }

  @Test
  void deepNestingAndTrailingGarbageAre400s() {
    String roomId = Api.defaultRoomOf(owner);
    String path = "/rooms/" + roomId + "/chatMessages";
    String deepArray = "[".repeat(5000) + "]".repeat(5000);
    String deepObject = "{\"text\":" + "{\"a\":".repeat(5000) + "1" + "}".repeat(5001);

    assertJsonError(Api.call("POST", path, owner, deepArray), 400);
    assertJsonError(Api.call("POST", path, owner, deepObject), 400);
    assertJsonError(Api.call("POST", path, owner, "{\"text\":\"x\"} xyz"), 400);
    assertJsonError(Api.call("POST", path, owner, "{\"text\":"), 400);
    assertThat(history(roomId)).isEmpty();
  }

  @Test
  void wrongTypesInFieldsAre400s() {
    assertJsonError(Api.call("PUT", "/rooms/" + roomId, owner, "{\"tags\":[1,2]}"), 400);
    assertJsonError(Api.call("PUT", "/rooms/" + roomId, owner, "{\"topic\":{\"$ne\":1}}"), 400);
    assertJsonError(
        Api.call("POST", "/rooms/" + roomId + "/chatMessages", owner, "{\"text\":[\"a\"]}"), 400);
    Api.assertError(Api.call("POST", "/user/me/rooms", owner, "{\"id\":5}"), 400, "id must be");
    Api.assertError(
        Api.call(
            "POST",
            "/rooms/" + roomId + "/bans",
            owner,
            "{\"username\":\"x\",\"removeMessages\":\"yes\"}"),
        400,
        "removeMessages must be true or false");
  }

  @Test
  void missingRequiredFieldsAreNamedByBeanValidation() {
    Api.assertError(Api.call("POST", "/groups", owner, "{}"), 400, "uri is required");
    Api.assertError(Api.call("POST", "/groups", owner, ""), 400, "uri is required");
    Api.assertError(Api.call("POST", "/user/me/rooms", owner, "{}"), 400, "id is required");
    Api.assertError(
        Api.call("POST", "/rooms/" + roomId + "/users", owner, "{\"username\":\" \"}"),
        400,
        "username is required");
  }

  @Test
  void outOfRangeNumbersAreRefusedAndNothingUnreadableIsStored() {
    String me = Api.okArray(Api.call("GET", "/user", owner, null)).getJsonObject(0).getString("id");
    String settings = "/user/" + me + "/settings";
    Api.ok(Api.call("POST", settings, owner, "{\"leftRoomMenu\":{\"state\":\"all\"}}"));

    assertJsonError(Api.call("POST", settings, owner, "{\"leftRoomMenu\":{\"a\":1e400}}"), 400);
    assertJsonError(
        Api.call("POST", settings, owner, "{\"leftRoomMenu\":{\"a\":1" + "0".repeat(400) + "}}"),
        400);
    assertJsonError(Api.call("POST", settings, owner, "{\"leftRoomMenu\":{\"$set\":1}}"), 400);
    assertJsonError(Api.call("POST", settings, owner, "{\"leftRoomMenu\":{\"a.b\":1}}"), 400);
    assertJsonError(
        Api.call("GET", "/rooms/" + roomId + "/users?skip=2147483647", owner, null), 400);

    var stored = Api.call("GET", settings + "/leftRoomMenu", owner, null);
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
    assertThat(Http.object(stored).getString("state")).isEqualTo("all");
  }

  @Test
  void aDeleteReadsItsJsonBody() {
    String leaving = SharedInstance.newUser("leaving" + suffix());

    var deleted = Api.call("DELETE", "/user/me", leaving, "{\"ghost\":true}");

    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
    assertThat(Api.call("GET", "/user", leaving, null).statusCode()).isEqualTo(401);
  }

  @Test
  void oauthTokenRequestsWithMalformedJsonAre400s() {
    for (String body :
        List.of(
            "{", "[]", "null", "{\"grant_type\":\"authorization_code\",\"code\":{\"$ne\":null}}")) {
      var response = Http.postJson(SharedInstance.get().uri("/login/oauth/token"), body);
      assertJsonError(response, 400);
    }
  }

  // ------------------------------------------------------------------ markdown

  @ParameterizedTest
  @ValueSource(strings = {"- ", "1. ", ">"})
  void deeplyNestedMarkdownIsStoredAndShownAsText(String level) {
    String text = level.repeat(4000 / level.length() - 2) + "deep";

    JsonObject sent = Api.send(roomId, owner, text);

    assertThat(sent.getString("html")).contains("deep");
    var page = Api.call("GET", "/rooms/" + roomId + "/chatMessages", owner, null);
    assertThat(page.statusCode()).isEqualTo(200);
  }

  // ------------------------------------------------------------------ web pages

  @Test
  void brokenPageParametersAreHandled() {
    var permalink = Http.get(SharedInstance.get().uri("/" + roomUri + "?at=zzz"));
    var hour =
        Http.get(
            SharedInstance.get()
                .uri("/archives.xhtml?uri=" + roomUri + "&date=2026-01-02&hour=abc"));

    assertThat(permalink.statusCode()).isEqualTo(200);
    assertThat(hour.statusCode()).isEqualTo(404);
  }

  @Test
  void formsWithBrokenOrForeignViewStatesGet4xxPagesAndChangeNothing() {
    String aliceName = "formalice" + suffix();
    String alice = SharedInstance.newUser(aliceName, "--password", "a long password 1");
    String carolName = "formcarol" + suffix();
    SharedInstance.newUser(carolName, "--password", "a long password 1");
    JsonObject room = Api.community(alice).getJsonObject("defaultRoom");
    var aliceWeb = new SignInForm(SharedInstance.get(), randomAddress());
    aliceWeb.signIn(aliceName, "a long password 1");
    String page = aliceWeb.get("/" + room.getString("uri")).body();
    String favourite =
        SignInForm.field("favourite-form", "favourite-form")
            + "&"
            + SignInForm.field("favourite-form:favourite", "x")
            + "&jakarta.faces.ViewState=";
    String state = java.net.URLEncoder.encode(SignInForm.viewState(page), StandardCharsets.UTF_8);
    var carolWeb = new SignInForm(SharedInstance.get(), randomAddress());
    carolWeb.signIn(carolName, "a long password 1");

    var malformed = aliceWeb.post("/room.xhtml", favourite + "garbage");
    var badRoom = aliceWeb.post("/room.xhtml?id=zzz", favourite + state);
    var replayed = carolWeb.post("/room.xhtml?id=" + room.getString("id"), favourite + state);

    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("This form has expired");
    assertThat(badRoom.statusCode()).isEqualTo(404);
    assertThat(replayed.statusCode()).isEqualTo(400);
    var stored = Api.ok(Api.call("GET", "/rooms/" + room.getString("id"), alice, null));
    assertThat(stored.get("favourite") == null || stored.isNull("favourite"))
        .as("nothing changed: " + stored)
        .isTrue();
  }

  // ------------------------------------------------------------------ Bayeux

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "null",
        "{",
        "[null]",
        "[[]]",
        "[\"x\"]",
        "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"ext\":\"x\"}]",
        "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\"}] xyz"
      })
  void malformedBayeuxRequestsGetABayeuxErrorReply(String body) {
    var response = Http.postJson(SharedInstance.get().uri("/bayeux/"), body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.array(response).getJsonObject(0).getBoolean("successful")).isFalse();
    assertThat(Http.array(response).getJsonObject(0).getString("error")).startsWith("400::");
  }

  /**
   * Every meta channel (and a publish) with fields of the wrong types, after a valid handshake:
   * each gets a reply, refused or not, and never a server error.
   */
  @TestFactory
  List<DynamicTest> metaChannelsWithWrongFieldTypes() {
    List<String> values =
        List.of(
            "null",
            "42",
            "true",
            "[]",
            "{}",
            "\"\"",
            "\"" + "x".repeat(10_000) + "\"",
            "{\"$ne\":null}",
            "\"/**\"",
            "\"/meta/*\"",
            "\"/api/v1/rooms/" + "0".repeat(24) + "\"");
    List<String[]> messages = new java.util.ArrayList<>();
    for (String field :
        List.of("clientId", "subscription", "connectionType", "id", "data", "ext", "advice")) {
      for (String channel :
          List.of(
              "/meta/handshake",
              "/meta/connect",
              "/meta/subscribe",
              "/meta/unsubscribe",
              "/meta/disconnect",
              "/api/v1/ping2")) {
        for (String value : values) {
          messages.add(new String[] {channel, field, value});
        }
      }
    }
    for (String value : List.of("42", "\"x\"", "[]", "{\"limit\":1e400}", "{\"limit\":-5}")) {
      messages.add(new String[] {"/meta/subscribe", "ext.snapshot", value});
    }
    for (String value : List.of("42", "{}", "[\"x\"]", "{\"$ne\":null}")) {
      messages.add(new String[] {"/meta/handshake", "ext.token", value});
    }
    String clientId = anonymousHandshake();
    return messages.stream()
        .map(
            m ->
                DynamicTest.dynamicTest(
                    m[0] + " " + m[1] + "=" + abbreviated(m[2]),
                    () -> {
                      var response =
                          Http.postJson(
                              SharedInstance.get().uri("/bayeux/"),
                              "[" + message(clientId, m[0], m[1], m[2]) + "]");
                      assertThat(response.statusCode()).as(response.body()).isIn(200, 400);
                      assertThat(Http.json(response.body())).isInstanceOf(JsonArray.class);
                    }))
        .toList();
  }

  private static String message(String clientId, String channel, String field, String value) {
    var json = new StringBuilder("{\"channel\":\"" + channel + "\"");
    if (!field.equals("clientId")) {
      json.append(",\"clientId\":\"").append(clientId).append('"');
    }
    if (channel.equals("/meta/handshake")) {
      json.append(",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"long-polling\"]");
    }
    if (channel.equals("/meta/connect") && !field.equals("advice")) {
      // answered at once: a connect is otherwise held for the long-poll period
      json.append(",\"advice\":{\"timeout\":0}");
    }
    if (channel.equals("/meta/subscribe") && !field.equals("subscription")) {
      json.append(",\"subscription\":\"/api/v1/rooms/").append(roomId).append('"');
    }
    if (field.startsWith("ext.")) {
      json.append(",\"ext\":{\"")
          .append(field.substring(4))
          .append("\":")
          .append(value)
          .append('}');
    } else {
      json.append(",\"").append(field).append("\":").append(value);
    }
    return json.append('}').toString();
  }

  private static String abbreviated(String value) {
    return value.length() <= 30 ? value : value.substring(0, 30) + "...";
  }

  @Test
  void aFormEncodedRequestIsReadAsItsMessage() {
    String message = "[" + handshake() + "]";
    var ok = form("message=" + URLEncoder.encode(message, StandardCharsets.UTF_8));
    var empty = form("message=");

    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(Http.array(ok).getJsonObject(0).getBoolean("successful")).isTrue();
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(Http.array(empty).getJsonObject(0).getString("error")).startsWith("400::");
  }

  @Test
  void aBatchIsBounded() {
    String thousandHandshakes =
        "[" + String.join(",", Collections.nCopies(1000, handshake())) + "]";
    String twoHandshakes = "[" + handshake() + "," + handshake() + "]";

    for (String batch : List.of(thousandHandshakes, twoHandshakes)) {
      var response = Http.postJson(SharedInstance.get().uri("/bayeux/"), batch);
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(Http.array(response).getJsonObject(0).getString("error")).startsWith("400::");
    }
  }

  @Test
  void aClientFollowsAtMost200Channels() {
    String clientId = anonymousHandshake();
    List<String> errors = new java.util.ArrayList<>();
    for (int batch = 0; batch < 3; batch++) {
      var subscribes = new java.util.ArrayList<String>();
      for (int i = 0; i < 70; i++) {
        subscribes.add(
            "{\"channel\":\"/meta/subscribe\",\"clientId\":\""
                + clientId
                + "\",\"subscription\":\"/api/v1/ping/c"
                + (batch * 70 + i)
                + "\"}");
      }
      var response =
          Http.postJson(
              SharedInstance.get().uri("/bayeux/"), "[" + String.join(",", subscribes) + "]");
      Http.array(response).getValuesAs(JsonObject.class).stream()
          .filter(reply -> !reply.getBoolean("successful", false))
          .forEach(reply -> errors.add(reply.getString("error", "")));
    }

    assertThat(errors).hasSize(3 * 70 - 200).allMatch(e -> e.startsWith("429::"));
  }

  @Test
  void snapshotsOfOneRequestAreBounded() {
    String roomId = Api.defaultRoomOf(owner);
    String big = "word **bold** `code` ".repeat(190);
    for (int i = 0; i < 40; i++) {
      Api.send(roomId, owner, big);
    }
    String clientId = anonymousHandshake();
    String subscribe =
        Json.createObjectBuilder()
            .add("channel", "/meta/subscribe")
            .add("clientId", clientId)
            .add("subscription", "/api/v1/rooms/" + roomId + "/chatMessages")
            .add(
                "ext",
                Json.createObjectBuilder()
                    .add("snapshot", Json.createObjectBuilder().add("limit", 100)))
            .build()
            .toString();

    var response =
        Http.postJson(
            SharedInstance.get().uri("/bayeux/"),
            "[" + String.join(",", Collections.nCopies(100, subscribe)) + "]");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body().length()).isLessThan(3 * 1024 * 1024);
    JsonArray replies = Http.array(response);
    long refused =
        replies.getValuesAs(JsonObject.class).stream()
            .filter(r -> r.getString("error", "").startsWith("429::"))
            .count();
    assertThat(refused).isGreaterThan(90);
  }

  @Test
  void aMalformedWebsocketFrameGetsAnErrorReplyAndTheSocketStaysUsable() throws Exception {
    var replies = new java.util.concurrent.LinkedBlockingQueue<String>();
    WebSocket socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                websocketUri(),
                new WebSocket.Listener() {
                  final StringBuilder text = new StringBuilder();

                  @Override
                  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                      replies.add(text.toString());
                      text.setLength(0);
                    }
                    ws.request(1);
                    return CompletableFuture.completedFuture(null);
                  }
                })
            .get(10, TimeUnit.SECONDS);

    socket.sendText("[null]", true).get(5, TimeUnit.SECONDS);
    String refused = replies.poll(10, TimeUnit.SECONDS);
    socket.sendText("[" + handshake() + "]", true).get(5, TimeUnit.SECONDS);
    String accepted = replies.poll(10, TimeUnit.SECONDS);

    assertThat(refused).contains("400::");
    assertThat(accepted).contains("\"successful\":true");
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
  }

  // ------------------------------------------------------------------ abuse

  @Test
  void guessingTokensIsThrottledPerAddress() {
    String address = randomAddress();
    HttpResponse<String> last = null;
    for (int i = 0; i <= 100; i++) {
      last =
          Http.get(
              SharedInstance.get().uri("/api/v1/user"),
              "Authorization",
              "Bearer " + "0".repeat(39) + (i % 10),
              "X-Forwarded-For",
              address);
      if (i < 100) {
        assertThat(last.statusCode()).as("call %d", i).isEqualTo(401);
      }
    }
    assertJsonError(last, 429);
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
    var otherAddress =
        Http.get(SharedInstance.get().uri("/api/v1/user"), "X-Forwarded-For", randomAddress());
    assertThat(otherAddress.statusCode()).isEqualTo(401);
  }

  @Test
  void sprayingPasswordsOverManyAccountsIsThrottledPerAddress() {
    var form = new SignInForm(SharedInstance.get(), randomAddress());
    for (int i = 0; i < 20; i++) {
      assertThat(form.signIn("nobody" + suffix(), "a long guess 1")).contains("Wrong username");
    }
    assertThat(form.signIn("nobody" + suffix(), "a long guess 1")).contains("Too many failed");
  }

  @Test
  void sitePagesCannotBeTakenAsUsernames() {
    for (String name : List.of("api", "Explore")) {
      assertThatThrownBy(() -> SharedInstance.newUser(name)).hasMessageContaining("reserved");
    }
  }

  // ------------------------------------------------------------------ helpers

  private static String randomAddress() {
    var random = java.util.concurrent.ThreadLocalRandom.current();
    return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
  }

  private static java.net.URI websocketUri() {
    return java.net.URI.create(
        SharedInstance.get().uri("/bayeux/").toString().replaceFirst("^http", "ws"));
  }

  private static String handshake() {
    return "{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
        + "\"supportedConnectionTypes\":[\"long-polling\",\"websocket\"]}";
  }

  private static String anonymousHandshake() {
    var response = Http.postJson(SharedInstance.get().uri("/bayeux/"), "[" + handshake() + "]");
    return Http.array(response).getJsonObject(0).getString("clientId");
  }

  private static HttpResponse<String> form(String body) {
    return Http.send(
        HttpRequest.newBuilder(SharedInstance.get().uri("/bayeux/"))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .timeout(Duration.ofSeconds(30)));
  }

  private static JsonArray history(String roomId) {
    return Api.okArray(Api.call("GET", "/rooms/" + roomId + "/chatMessages", owner, null));
  }

  private static void assertJsonError(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    assertThat(Http.object(response).getString("error")).isNotBlank();
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
