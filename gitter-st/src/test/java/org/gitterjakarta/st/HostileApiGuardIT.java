package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gitterjakarta.st.Api.call;
import static org.gitterjakarta.st.Api.ok;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.gitterjakarta.st.HostileRequests.Attempt;
import org.gitterjakarta.st.HostileRequests.Sender;
import org.gitterjakarta.testsupport.http.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A standing guard over every operation the instance documents at {@code /openapi}: each gets bad
 * and foreign ids, out-of-range query values, malformed and ill-typed bodies, no token and a bad
 * one. None may cause a server error; every refusal is a JSON {@code {"error"}}; the instance stays
 * ready; and neither the caller's room, its history and settings nor someone else's data change. A
 * new operation in the document is guarded without touching this class.
 */
class HostileApiGuardIT {

  /** Enough people that the batches stay within the test environment's 400 calls a minute. */
  static final int CALLERS = 10;

  /** A well-formed id no integration has: revoking it changes nothing, whoever asks. */
  static final String NO_SUCH_INTEGRATION = "0123456789abcdef01234567";

  static final String WATCHED_SETTINGS =
      "leftRoomMenu,userTheme,lang,unread_notifications_optout,defaultRoomMode";

  /** The one setting the {@code PUT settings/{key}} operation is pointed at (not watched). */
  static final String SCRATCH_SETTING = "rightToolbar";

  static final String SETTINGS =
      "{\"leftRoomMenu\":{\"state\":\"all\"},\"userTheme\":\"gitter-dark\",\"lang\":\"en\","
          + "\"unread_notifications_optout\":true}";

  static Person someoneElse;
  static Stored someoneElsesData;
  static final List<Person> callers = new ArrayList<>();
  static final Map<Person, Integer> callsMade = new HashMap<>();

  /** A guarded person: a community with a public room, a message, an OAuth app and settings. */
  record Person(
      String token,
      String id,
      String username,
      String groupId,
      String roomId,
      String messageId,
      String privateRoomId,
      String privateMessageId,
      String clientId) {}

  @BeforeAll
  static void people() {
    SharedInstance.get();
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    ExecutorService accounts = Executors.newFixedThreadPool(4);
    List<String> tokens =
        IntStream.rangeClosed(0, CALLERS)
            .mapToObj(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> SharedInstance.newUser("hg" + i + suffix), accounts))
            .toList()
            .stream()
            .map(CompletableFuture::join)
            .toList();
    accounts.shutdown();
    someoneElse = guarded(tokens.get(0));
    someoneElsesData = someoneElsesData();
    for (String token : tokens.subList(1, tokens.size())) {
      Person caller = guarded(token);
      callers.add(caller);
      callsMade.put(caller, 0);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyDocumentedOperationWithstandsHostileRequests() {
    List<ApiOperation> operations = ApiOperation.documented(SharedInstance.get());
    assertThat(operations)
        .as("the document lists the API and the OAuth routes")
        .extracting(ApiOperation::toString)
        .contains("POST /v1/rooms/{roomId}/chatMessages", "POST /login/oauth/token");
    Stream<DynamicTest> guarded =
        operations.stream().map(op -> DynamicTest.dynamicTest(op.toString(), () -> withstands(op)));
    return Stream.concat(
        guarded,
        Stream.of(
            DynamicTest.dynamicTest(
                "someone else's data is untouched after every operation",
                () -> assertThat(someoneElsesData.changesTo(someoneElsesData())).isEmpty())));
  }

  private static void withstands(ApiOperation operation) {
    Person caller = leastBusyCaller();
    List<Attempt> attempts = HostileRequests.against(operation, idsOf(caller));
    Stored before = Stored.of(caller);
    List<String> accepted = new ArrayList<>();
    SoftAssertions softly = new SoftAssertions();
    for (Attempt attempt : attempts) {
      HttpResponse<String> response = send(attempt, caller);
      if (response.statusCode() < 300 && !attempt.method().equals("GET")) {
        accepted.add(attempt.label() + " -> " + response.statusCode());
      }
      Outcomes.check(softly, attempt, response, describe(attempt, response));
    }
    callsMade.merge(caller, attempts.size() + 2 * Stored.CALLS, Integer::sum);
    Stored after = Stored.of(caller);
    if (after.signedOut()) {
      callers.remove(caller);
    }
    softly
        .assertThat(before.changesTo(after))
        .as("%s changed stored data; the requests it accepted: %s", operation, accepted)
        .isEmpty();
    var ready = Http.get(SharedInstance.get().uri("/health/ready"));
    softly.assertThat(ready.statusCode()).as("/health/ready: " + ready.body()).isEqualTo(200);
    softly.assertAll();
  }

  /** What a refused request must leave as it was, read before and after each batch. */
  record Stored(Map<String, JsonValue> parts) {

    static final int CALLS = 3;

    static Stored of(Person caller) {
      Map<String, JsonValue> parts = new LinkedHashMap<>();
      parts.put("the caller's room", read("/rooms/" + caller.roomId(), caller.token()));
      parts.put(
          "the caller's history",
          read("/rooms/" + caller.roomId() + "/chatMessages", caller.token()));
      parts.put(
          "the caller's settings",
          read("/user/" + caller.id() + "/settings/" + WATCHED_SETTINGS, caller.token()));
      parts.put(
          "someone else's private history",
          read("/rooms/" + someoneElse.privateRoomId() + "/chatMessages", someoneElse.token()));
      return new Stored(parts);
    }

    boolean signedOut() {
      return parts.get("the caller's settings").asJsonObject().getInt("status") == 401;
    }

    /** What differs in {@code after}: a changed status alone, else the body's differences. */
    List<String> changesTo(Stored after) {
      List<String> changes = new ArrayList<>();
      parts.forEach(
          (part, value) -> {
            JsonObject now = after.parts().get(part).asJsonObject();
            if (value.asJsonObject().getInt("status") != now.getInt("status")) {
              changes.add(part + ": now " + HostileRequests.shorten(now.toString()));
            } else {
              JsonDifferences.between(value, now).forEach(change -> changes.add(part + change));
            }
          });
      return changes;
    }
  }

  private static Stored someoneElsesData() {
    String token = someoneElse.token();
    Map<String, JsonValue> parts = new LinkedHashMap<>();
    parts.put("account", read("/user/me", token));
    parts.put("community", read("/groups/" + someoneElse.groupId(), token));
    parts.put("private room", read("/rooms/" + someoneElse.privateRoomId(), token));
    parts.put("public history", read("/rooms/" + someoneElse.roomId() + "/chatMessages", token));
    parts.put("OAuth apps", read("/oauth-clients", token));
    parts.put("settings", read("/user/me/settings/" + WATCHED_SETTINGS, token));
    return new Stored(parts);
  }

  /** A read's status and body, as one JSON value to compare. */
  private static JsonValue read(String path, String token) {
    var response = call("GET", path, token, null);
    JsonValue body;
    try {
      body = Http.json(response.body());
    } catch (RuntimeException notJson) {
      body = Json.createValue(response.body());
    }
    return Json.createObjectBuilder()
        .add("status", response.statusCode())
        .add("body", body)
        .build();
  }

  private static Person leastBusyCaller() {
    assertThat(callers).as("callers still signed in").isNotEmpty();
    return callers.stream().min(Comparator.comparing(callsMade::get)).orElseThrow();
  }

  /**
   * Real values name the caller's own things, so only the attacked part of a request is wrong; a
   * user id inside a room path names someone who is not in the room, so that nothing the guard
   * sends can legitimately change the room.
   */
  /** Routes of the caller's own data, where someone else's id must be refused. */
  private static boolean ownUserRoute(ApiOperation operation) {
    return operation.template().startsWith("/v1/user/")
        || operation.template().startsWith("/v1/export/user/");
  }

  private static HostileRequests.Ids idsOf(Person caller) {
    return new HostileRequests.Ids() {
      @Override
      public String real(ApiOperation operation, String parameter) {
        return switch (parameter) {
          case "groupId" -> caller.groupId();
          case "roomId" -> caller.roomId();
          case "messageId", "lastSeenId" -> caller.messageId();
          case "userId" -> ownUserRoute(operation) ? caller.id() : someoneElse.id();
          case "username" -> someoneElse.username();
          case "clientId" -> caller.clientId();
          case "key" -> SCRATCH_SETTING;
          case "keys" -> WATCHED_SETTINGS;
          case "socketId" -> "guard-socket-of-" + caller.username(); // never connected
          case "emoji" -> "tada";
          case "integrationId" -> NO_SUCH_INTEGRATION;
          case "kind" -> "messages"; // an export file
          default ->
              throw new AssertionError(
                  "The guard has no value for {" + parameter + "} of " + operation + ": add one");
        };
      }

      @Override
      public Optional<String> foreign(ApiOperation operation, String parameter) {
        return Optional.ofNullable(
            switch (parameter) {
              case "groupId" -> someoneElse.groupId();
              case "roomId" -> someoneElse.privateRoomId();
              case "messageId", "lastSeenId" -> someoneElse.privateMessageId();
              case "userId" -> ownUserRoute(operation) ? someoneElse.id() : null;
              case "clientId" -> someoneElse.clientId();
              default -> null;
            });
      }
    };
  }

  private static HttpResponse<String> send(Attempt attempt, Person caller) {
    var request =
        HttpRequest.newBuilder(SharedInstance.get().uri(attempt.url()))
            .method(
                attempt.method(),
                attempt.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(attempt.body()));
    if (attempt.body() != null) {
      request.header("Content-Type", "application/json");
    }
    switch (attempt.sender()) {
      case CALLER -> request.header("Authorization", "Bearer " + caller.token());
      case BAD_TOKEN ->
          request
              .header("Authorization", "Bearer " + "0".repeat(40))
              .header("X-Forwarded-For", randomAddress());
      case NOBODY -> request.header("X-Forwarded-For", randomAddress());
    }
    return Http.send(request);
  }

  private static String describe(Attempt attempt, HttpResponse<String> response) {
    String body = response.body();
    return attempt.method()
        + " "
        + HostileRequests.shorten(attempt.url())
        + " ["
        + attempt.label()
        + "] -> "
        + response.statusCode()
        + " "
        + response.headers().firstValue("Content-Type").orElse("(no content type)")
        + " "
        + (body.length() > 200 ? body.substring(0, 200) : body);
  }

  private static String randomAddress() {
    var random = ThreadLocalRandom.current();
    return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
  }

  /** Sets up a person the guard watches; see {@link Person}. */
  private static Person guarded(String token) {
    JsonObject me = ok(call("GET", "/user/me", token, null));
    JsonObject community = Api.community(token);
    String groupId = community.getString("id");
    String roomId = community.getJsonObject("defaultRoom").getString("id");
    // values a coerced wrong type would overwrite: noindex, tags and the favourite are not defaults
    ok(
        call(
            "PUT",
            "/rooms/" + roomId,
            token,
            "{\"topic\":\"guarded\",\"tags\":[\"guard\"],\"noindex\":true}"));
    ok(call("PATCH", "/user/me/rooms/" + roomId, token, "{\"favourite\":2}"));
    String privateRoomId =
        ok(call(
                "POST",
                "/groups/" + groupId + "/rooms",
                token,
                "{\"name\":\"inner\",\"security\":{\"security\":\"PRIVATE\"}}"))
            .getString("id");
    String clientId =
        ok(call(
                "POST",
                "/oauth-clients",
                token,
                "{\"name\":\"guarded app\",\"registeredRedirectUri\":\"https://example.org/back\"}"))
            .getString("id");
    ok(call("POST", "/user/" + me.getString("id") + "/settings", token, SETTINGS));
    return new Person(
        token,
        me.getString("id"),
        me.getString("username"),
        groupId,
        roomId,
        Api.send(roomId, token, "guarded history").getString("id"),
        privateRoomId,
        Api.send(privateRoomId, token, "guarded secret").getString("id"),
        clientId);
  }

  /** The assertions on each response of a hostile batch. */
  static final class Outcomes {

    private Outcomes() {}

    static void check(
        SoftAssertions softly, Attempt attempt, HttpResponse<String> response, String seen) {
      int status = response.statusCode();
      softly.assertThat(status).as("no server error: " + seen).isLessThan(500);
      softly
          .assertThat(status)
          .as("within the rate limit (add callers): " + seen)
          .isNotEqualTo(429);
      if (status >= 400 && status < 500) {
        softly
            .assertThat(response.headers().firstValue("Content-Type").orElse(""))
            .as("a JSON error: " + seen)
            .startsWith("application/json");
        softly.assertThat(errorText(response.body())).as("an error text: " + seen).isNotBlank();
      }
      if (attempt.mustBeRefused()) {
        softly.assertThat(status).as("refused: " + seen).isBetween(400, 499);
      }
      if (attempt.sender() != Sender.CALLER) {
        softly
            .assertThat(status)
            .as("not served without a valid token: " + seen)
            .isGreaterThanOrEqualTo(300);
      }
    }

    private static String errorText(String body) {
      try {
        return Http.json(body) instanceof JsonObject error
                && error.get("error") instanceof JsonString text
            ? text.getString()
            : "";
      } catch (RuntimeException notJson) {
        return "";
      }
    }
  }
}
