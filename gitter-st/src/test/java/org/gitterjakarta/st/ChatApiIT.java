package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gitterjakarta.st.Api.assertError;
import static org.gitterjakarta.st.Api.call;
import static org.gitterjakarta.st.Api.community;
import static org.gitterjakarta.st.Api.ok;
import static org.gitterjakarta.st.Api.okArray;
import static org.gitterjakarta.st.Api.send;

import com.mongodb.client.MongoClients;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.gitterjakarta.testsupport.http.Http;
import org.gitterjakarta.testsupport.launcher.GitterRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Communities, rooms, membership and messages through API v1, as two people and an outsider use
 * them; every test makes its own community.
 */
class ChatApiIT {

  static GitterRun gitter;
  static String alice;
  static String bob;
  static String carol;
  static String bobName;
  static LiveFeed live;

  @BeforeAll
  static void people() throws Exception {
    gitter = SharedInstance.get();
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    alice = SharedInstance.newUser("alice" + suffix, "--password", "password123");
    bobName = "bob" + suffix;
    bob = SharedInstance.newUser(bobName, "--password", "password123");
    carol = SharedInstance.newUser("carol" + suffix, "--password", "password123");
    live = new LiveFeed();
  }

  @AfterAll
  static void stopListening() throws Exception {
    live.close();
  }

  @Test
  void createsACommunityWithItsDefaultRoomForItsCreator() {
    JsonObject group = community(alice);

    JsonObject room = group.getJsonObject("defaultRoom");
    assertThat(group.getString("id")).matches("[0-9a-f]{24}");
    assertThat(room.getString("uri")).isEqualTo(group.getString("uri") + "/community");
    assertThat(room.getString("name")).isEqualTo(group.getString("name") + "/community");
    assertThat(room.getBoolean("roomMember")).isTrue();
    assertThat(room.getJsonObject("permissions").getBoolean("admin")).isTrue();
    assertThat(room.getString("security")).isEqualTo("PUBLIC");
    assertThat(room.getJsonNumber("userCount").intValue()).isEqualTo(1);
    assertThat(room.getString("avatarUrl")).isEqualTo(group.getString("avatarUrl"));
    assertThat(Http.array(call("GET", "/user/me/rooms", alice, null)).getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("id"))
        .contains(room.getString("id"));
  }

  @Test
  void refusesTakenAndReservedCommunityUris() {
    String uri = community(alice).getString("uri");

    assertThat(call("POST", "/groups", bob, "{\"uri\":\"" + uri.toUpperCase() + "\"}").statusCode())
        .isEqualTo(409);
    var reserved = call("POST", "/groups", bob, "{\"uri\":\"api\"}");
    assertThat(reserved.statusCode()).isEqualTo(400);
    assertThat(Http.object(reserved).getString("error")).contains("reserved");
  }

  @Test
  void resolvesJoinsAndPostsInAPublicRoom() throws Exception {
    JsonObject room = community(alice).getJsonObject("defaultRoom");
    String roomId = room.getString("id");

    JsonObject resolved =
        ok(
            call(
                "POST",
                "/rooms",
                bob,
                "{\"uri\":\"" + room.getString("uri").toUpperCase() + "\"}"));
    assertThat(resolved.getString("id")).isEqualTo(roomId);
    assertThat(resolved.getBoolean("roomMember")).isFalse();
    assertThat(
            call("POST", "/rooms/" + roomId + "/chatMessages", bob, "{\"text\":\"hi\"}")
                .statusCode())
        .as("writing needs membership")
        .isEqualTo(403);

    ok(call("POST", "/user/me/rooms", bob, "{\"id\":\"" + roomId + "\"}"));
    live.clear();
    JsonObject message = send(roomId, bob, "hello **@" + "alice** see #12");

    assertThat(message.getString("html")).contains("<strong>");
    assertThat(message.getJsonObject("fromUser").getString("username")).isEqualTo(bobName);
    assertThat(message.getString("sent"))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(message.getJsonArray("issues").getJsonObject(0).getString("number")).isEqualTo("12");
    JsonObject event =
        live.await(
            "/api/v1/rooms/" + roomId + "/chatMessages",
            data -> data.getString("operation", "").equals("create"));
    assertThat(event.getJsonObject("model").getString("id"))
        .as("a live event on Redis")
        .isEqualTo(message.getString("id"));
    JsonArray users = Http.array(call("GET", "/rooms/" + roomId + "/users", alice, null));
    assertThat(users.getValuesAs(JsonObject.class))
        .extracting(u -> u.getString("username"))
        .contains(bobName);
    assertThat(users.getValuesAs(JsonObject.class))
        .filteredOn(u -> u.getString("username").equals(bobName))
        .allSatisfy(u -> assertThat(u.containsKey("role")).isFalse());
    assertThat(users.getValuesAs(JsonObject.class))
        .filteredOn(u -> u.containsKey("role"))
        .extracting(u -> u.getString("role"))
        .containsExactly("admin");
  }

  @Test
  void pagesHistoryOldestFirstWithCursors() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ids.add(send(roomId, alice, "message " + i).getString("id"));
    }

    JsonArray latest =
        Http.array(call("GET", "/rooms/" + roomId + "/chatMessages?limit=3", alice, null));
    assertThat(texts(latest)).containsExactly("message 4", "message 5", "message 6");
    JsonArray before =
        Http.array(
            call(
                "GET",
                "/rooms/" + roomId + "/chatMessages?limit=3&beforeId=" + ids.get(4),
                alice,
                null));
    assertThat(texts(before)).containsExactly("message 1", "message 2", "message 3");
    JsonArray after =
        Http.array(
            call(
                "GET",
                "/rooms/" + roomId + "/chatMessages?limit=2&afterId=" + ids.get(1),
                alice,
                null));
    assertThat(texts(after)).containsExactly("message 2", "message 3");
    JsonArray around =
        Http.array(
            call(
                "GET",
                "/rooms/" + roomId + "/chatMessages?limit=4&aroundId=" + ids.get(3),
                alice,
                null));
    assertThat(texts(around)).containsExactly("message 2", "message 3", "message 4", "message 5");
    assertThat(around.getJsonObject(1).getBoolean("initial")).isTrue();
  }

  /** A history read with the reader's headers; {@code If-None-Match} when a tag is given. */
  static java.net.http.HttpResponse<String> history(
      String roomId, String token, String query, String tag) {
    var request =
        Http.apiRequest(
            gitter.uri("/api/v1/rooms/" + roomId + "/chatMessages" + query), "GET", token, null);
    return tag == null ? Http.send(request) : Http.send(request, "If-None-Match", tag);
  }

  static String tag(java.net.http.HttpResponse<String> response) {
    return response.headers().firstValue("ETag").orElseThrow();
  }

  /**
   * History pages are answered by a servlet filter ahead of JAX-RS; a parameter it does not know
   * ({@code marker} with no meaning) sends the same request through JAX-RS: both answers must be
   * the same, and whatever the filter hands on is counted against the rate limit once.
   */
  @Test
  void historyAnsweredAheadOfJaxRsIsTheAnswerOfJaxRs() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    ok(call("POST", "/user/me/rooms", bob, "{\"id\":\"" + roomId + "\"}"));
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(send(roomId, alice, "page line " + i).getString("id"));
    }
    String messages = "/rooms/" + roomId + "/chatMessages";
    String reply = "{\"text\":\"a reply\",\"parentId\":\"" + ids.get(1) + "\"}";
    ok(call("POST", messages, bob, reply));
    List<String> headers =
        List.of("ETag", "Content-Type", "Cache-Control", "Vary", "X-RateLimit-Limit");

    for (String query :
        List.of(
            "?limit=50",
            "?limit=3",
            "?limit=50&lean=true",
            "?limit=50&lookups=user",
            "?limit=50&includeThreads=true",
            "?limit=2&beforeId=" + ids.get(3),
            "?afterId=" + ids.get(1),
            "?limit=3&aroundId=" + ids.get(2),
            "?limit=2&skip=1")) {
      var fast = history(roomId, bob, query, null);
      assertThat(fast.statusCode()).as(query).isEqualTo(200);
      assertSameAnswer(query, fast, history(roomId, bob, query + "&marker=no", null), headers);
      var notModified = history(roomId, bob, query, tag(fast));
      assertThat(notModified.statusCode()).as(query).isEqualTo(304);
      assertSameAnswer(
          query + " 304",
          notModified,
          history(roomId, bob, query + "&marker=no", tag(fast)),
          List.of("ETag", "Cache-Control", "Vary", "X-RateLimit-Limit"));
    }

    var read = history(roomId, bob, "?limit=50", null);
    var weak = history(roomId, bob, "?limit=50", "\"other\", W/" + tag(read));
    assertThat(weak.statusCode()).isEqualTo(304);
    assertThat(tag(weak)).isEqualTo(tag(read));
    assertThat(weak.headers().firstValue("X-RateLimit-Remaining")).isPresent();
    assertThat(history(roomId, bob, "?limit=50", "*").statusCode()).isEqualTo(304);
    for (String malformed : List.of("not-a-tag", "\"x\", *")) {
      var answer = history(roomId, bob, "?limit=50", malformed);
      assertThat(answer.statusCode()).as(malformed).isEqualTo(200);
      assertThat(answer.body()).isEqualTo(read.body());
    }

    // handed on after the rate limit counted it: counted once (again if the window turned)
    for (int attempt = 1; ; attempt++) {
      var first = history(roomId, bob, "?limit=1", null);
      var invalid = history(roomId, bob, "?limit=1&beforeId=" + "f".repeat(23), null);
      var last = history(roomId, bob, "?limit=1", null);
      if (attempt == 1 && !reset(first).equals(reset(last))) {
        continue;
      }
      assertThat(invalid.statusCode()).isEqualTo(400);
      assertThat(Http.object(invalid).getString("error")).isNotBlank();
      assertThat(remaining(invalid)).isEqualTo(remaining(first) - 1);
      assertThat(remaining(last)).isEqualTo(remaining(first) - 2);
      break;
    }

    // refusals and malformed values get JAX-RS's answers
    assertThat(history(roomId, "0".repeat(40), "?limit=1", null).statusCode()).isEqualTo(401);
    var byQuery = withoutToken(messages + "?limit=3&access_token=" + bob);
    assertThat(byQuery.body()).isEqualTo(history(roomId, bob, "?limit=3", null).body());
    assertThat(withoutToken(messages + "?limit=1").statusCode()).isEqualTo(401);
    var nowhere = history("0123456789abcdef01234567", bob, "?limit=1", null);
    assertThat(nowhere.statusCode()).isEqualTo(404);
    assertThat(Http.object(nowhere).getString("error")).isNotBlank();
    for (String query : List.of("?limit=many", "?limit=0", "?limit=")) {
      var answer = history(roomId, bob, query, null);
      var jaxRs = history(roomId, bob, query + "&marker=no", null);
      assertThat(answer.statusCode()).as(query).isEqualTo(jaxRs.statusCode());
      assertThat(answer.body()).as(query).isEqualTo(jaxRs.body());
      assertThat(answer.headers().firstValue("Content-Type"))
          .as(query)
          .isEqualTo(jaxRs.headers().firstValue("Content-Type"));
    }

    // the CORS headers of every API answer
    List<String> cors =
        List.of(
            "Access-Control-Allow-Origin",
            "Access-Control-Expose-Headers",
            "Access-Control-Allow-Headers",
            "Vary");
    var fromPage = fromOrigin(messages + "?limit=1");
    assertThat(fromPage.statusCode()).isEqualTo(200);
    assertThat(fromPage.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://chat.example.org");
    assertSameAnswer("CORS", fromPage, fromOrigin(messages + "?limit=1&marker=no"), cors);

    // and the filter did answer: its count grows by one page, not by one handed on
    double answered = MetricsIT.Scrape.of(gitter).sum(ANSWERED_AHEAD);
    history(roomId, bob, "?limit=1", null);
    assertThat(MetricsIT.Scrape.of(gitter).sum(ANSWERED_AHEAD)).isEqualTo(answered + 1);
    history(roomId, bob, "?limit=1&marker=no", null);
    assertThat(MetricsIT.Scrape.of(gitter).sum(ANSWERED_AHEAD)).isEqualTo(answered + 1);
  }

  static final String ANSWERED_AHEAD = "gitter_history_pages_answered_ahead_of_jaxrs_total";

  static void assertSameAnswer(
      String what,
      java.net.http.HttpResponse<String> answer,
      java.net.http.HttpResponse<String> jaxRs,
      List<String> headers) {
    assertThat(answer.statusCode()).as(what).isEqualTo(jaxRs.statusCode());
    assertThat(answer.body()).as(what).isEqualTo(jaxRs.body());
    for (String header : headers) {
      assertThat(answer.headers().allValues(header))
          .as(what + " " + header)
          .isNotEmpty()
          .isEqualTo(jaxRs.headers().allValues(header));
    }
  }

  static java.net.http.HttpResponse<String> fromOrigin(String path) {
    var request = Http.apiRequest(gitter.uri("/api/v1" + path), "GET", bob, null);
    return Http.send(request, "Origin", "https://chat.example.org");
  }

  static java.net.http.HttpResponse<String> withoutToken(String path) {
    return Http.send(java.net.http.HttpRequest.newBuilder(gitter.uri("/api/v1" + path)).GET());
  }

  static String reset(java.net.http.HttpResponse<String> response) {
    return response.headers().firstValue("X-RateLimit-Reset").orElseThrow();
  }

  static long remaining(java.net.http.HttpResponse<String> response) {
    return Long.parseLong(response.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
  }

  /**
   * Pages before or after a message are put together from each message's JSON kept in the store
   * with it; what they give must be what the messages are now, as a page read whole and rendered
   * gives them (the {@code skip} form): through an edit, reactions added and taken back, a thread
   * reply, a new reader alone, a message stored without the JSON, a JSON kept in an older format
   * and a kept text that is no JSON object; with and without threads.
   */
  @Test
  void pagesFromKeptJsonShowTheMessagesAsTheyAreNow() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    ok(call("POST", "/user/me/rooms", bob, "{\"id\":\"" + roomId + "\"}"));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ids.add(send(roomId, alice, "kept " + i).getString("id"));
    }
    // the same six messages, ids 1 to 6: two from kept texts, one read whole
    List<String> kept =
        List.of("?limit=6&beforeId=" + ids.get(7), "?limit=6&afterId=" + ids.get(0));
    String whole = "?limit=6&skip=1";
    try (var mongo =
        MongoClients.create("mongodb://127.0.0.1:" + System.getProperty("test.mongo.port"))) {
      var stored = mongo.getDatabase("gitter_test").getCollection("chatmessages");
      assertThat(stored.find(new Document("_id", ids.get(1))).first().get("_j", Document.class))
          .as("kept when sent")
          .containsEntry("f", 2)
          .containsKey("t");
      assertSamePages(roomId, kept, whole);
      Document readLater = stored.find(new Document("_id", ids.get(5))).first();

      String messages = "/rooms/" + roomId + "/chatMessages/";
      ok(call("PUT", messages + ids.get(1), alice, "{\"text\":\"kept 1, edited\"}"));
      okArray(call("PUT", messages + ids.get(2) + "/reactions/tada", bob, null));
      okArray(call("PUT", messages + ids.get(2) + "/reactions/heart", bob, null));
      okArray(call("DELETE", messages + ids.get(2) + "/reactions/heart", bob, null));
      ok(
          call(
              "POST",
              "/rooms/" + roomId + "/chatMessages",
              bob,
              "{\"text\":\"reply\",\"parentId\":\"" + ids.get(3) + "\"}"));
      stored.updateOne(
          new Document("_id", ids.get(4)), new Document("$unset", new Document("_j", 1)));
      String readFifth = "{\"chat\":[\"" + ids.get(5) + "\"]}";
      ok(call("POST", "/user/me/rooms/" + roomId + "/unreadItems", bob, readFifth));
      stored.updateOne(
          new Document("_id", ids.get(6)),
          new Document(
              "$set", new Document("_j.f", 0).append("_j.t", "{\"id\":\"an older format\"}")));
      Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(
                          Http.array(history(roomId, alice, whole, null))
                              .getJsonObject(4)
                              .getInt("readBy"))
                      .as("bob's read is written")
                      .isEqualTo(1));

      assertSamePages(roomId, kept, whole);
      // with threads: the reply came after all eight, the first page read whole skips it too
      assertSamePages(
          roomId,
          List.of(
              "?limit=6&includeThreads=true&beforeId=" + ids.get(7),
              "?limit=6&includeThreads=true&afterId=" + ids.get(0)),
          "?limit=6&includeThreads=true&skip=2");
      assertThat(history(roomId, alice, kept.get(0), null).body())
          .contains("kept 1, edited", "\"readBy\":1", "tada", "\"threadMessageCount\":1")
          .doesNotContain("heart", "an older format");
      for (int i : List.of(1, 2, 3, 4, 5, 6)) {
        Document again = stored.find(new Document("_id", ids.get(i))).first();
        Document text = again.get("_j", Document.class);
        assertThat(text).as("kept again once rendered, " + i).containsEntry("f", 2);
        assertThat(text.get("v", Number.class).longValue())
            .isEqualTo(again.get("_tv", Number.class).longValue());
      }
      assertThat(stored.find(new Document("_id", ids.get(5))).first().get("_j"))
          .as("a new reader leaves the kept text as it was")
          .isEqualTo(readLater.get("_j"));

      // a kept text that is no JSON object is not used: the page is still the page
      stored.updateOne(
          new Document("_id", ids.get(5)), new Document("$set", new Document("_j.t", "")));
      assertSamePages(roomId, kept, whole);

      // and what is kept is what pages give, without reading the message whole
      stored.updateOne(
          new Document("_id", ids.get(4)),
          new Document(
              "$set",
              new Document("_j.t", "{\"id\":\"" + ids.get(4) + "\",\"text\":\"as kept\"}")));
      assertThat(texts(Http.array(history(roomId, alice, kept.get(0), null)))).contains("as kept");
    }
  }

  /**
   * A removed account's messages stay under its name, or as Gitter's "Ghost" for a ghost; the
   * sender is not in a kept text, so pages from kept texts show it as pages read whole do.
   */
  @Test
  void messagesOfARemovedAccountStayUnderItsGhost() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    ok(call("POST", "/user/me/rooms", bob, "{\"id\":\"" + roomId + "\"}"));
    String dave = SharedInstance.newUser("dave" + System.nanoTime(), "--password", "password123");
    ok(call("POST", "/user/me/rooms", dave, "{\"id\":\"" + roomId + "\"}"));
    String first = send(roomId, alice, "before dave").getString("id");
    send(roomId, dave, "dave was here");
    send(roomId, alice, "after dave");
    String last = send(roomId, alice, "last").getString("id");
    List<String> kept = List.of("?limit=2&beforeId=" + last, "?limit=2&afterId=" + first);
    String whole = "?limit=2&skip=1";
    assertSamePages(roomId, kept, whole);
    JsonObject sender =
        Http.array(history(roomId, bob, kept.get(0), null))
            .getJsonObject(0)
            .getJsonObject("fromUser");
    assertThat(sender.getString("username")).startsWith("dave");
    assertThat(sender).doesNotContainKey("removed");

    ok(call("DELETE", "/user/me", dave, "{\"ghost\":true}"));
    assertSamePages(roomId, kept, whole);
    JsonObject stays = Http.array(history(roomId, bob, kept.get(0), null)).getJsonObject(0);
    assertThat(stays.getString("text")).isEqualTo("dave was here");
    JsonObject ghost = stays.getJsonObject("fromUser");
    assertThat(ghost.getString("id")).isEqualTo(sender.getString("id"));
    assertThat(ghost.getString("username")).isEqualTo("ghost~" + sender.getString("id"));
    assertThat(ghost.getString("displayName")).isEqualTo("Ghost");
    assertThat(ghost.getBoolean("removed")).isTrue();
  }

  /** Each page read from kept texts, in both forms and for both readers, is the page read whole. */
  private static void assertSamePages(String roomId, List<String> kept, String whole) {
    for (String reader : List.of(alice, bob)) {
      for (String form : List.of("", "&lookups=user")) {
        String expected = history(roomId, reader, whole + form, null).body();
        for (String query : kept) {
          assertThat(history(roomId, reader, query + form, null).body())
              .as(query + form)
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void historyChangesOnTheNextReadAndIsNotModifiedUntilThen() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    ok(call("POST", "/user/me/rooms", bob, "{\"id\":\"" + roomId + "\"}"));
    String first = send(roomId, alice, "first").getString("id");
    String second = send(roomId, alice, "second").getString("id");
    String messages = "/rooms/" + roomId + "/chatMessages/";

    var read = history(roomId, alice, "?limit=50", null);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(history(roomId, alice, "?limit=50", tag(read)).statusCode()).isEqualTo(304);
    var malformed = history(roomId, alice, "?limit=50", "not-a-tag");
    assertThat(malformed.statusCode()).as("a malformed If-None-Match is ignored").isEqualTo(200);
    assertThat(malformed.body()).isEqualTo(read.body());
    List<String> tags = new java.util.ArrayList<>(List.of(tag(read)));

    ok(call("PUT", messages + first, alice, "{\"text\":\"first, edited\"}"));
    read = history(roomId, alice, "?limit=50", tags.get(0));
    assertThat(read.statusCode()).as("an old tag after an edit").isEqualTo(200);
    assertThat(texts(Http.array(read))).containsExactly("first, edited", "second");
    tags.add(tag(read));

    okArray(call("PUT", messages + second + "/reactions/tada", bob, null));
    read = history(roomId, alice, "?limit=50", tags.get(1));
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(Http.array(read).getJsonObject(1).getJsonArray("reactions")).hasSize(1);
    tags.add(tag(read));

    ok(
        call(
            "POST",
            "/rooms/" + roomId + "/chatMessages",
            bob,
            "{\"text\":\"reply\",\"parentId\":\"" + second + "\"}"));
    read = history(roomId, alice, "?limit=50", tags.get(2));
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(Http.array(read).getJsonObject(1).getInt("threadMessageCount")).isEqualTo(1);
    tags.add(tag(read));

    String third = send(roomId, alice, "third").getString("id");
    read = history(roomId, alice, "?limit=50", tags.get(3));
    assertThat(texts(Http.array(read))).containsExactly("first, edited", "second", "third");
    tags.add(tag(read));

    assertThat(call("DELETE", messages + third, alice, null).statusCode()).isEqualTo(204);
    read = history(roomId, alice, "?limit=50", tags.get(4));
    assertThat(texts(Http.array(read))).containsExactly("first, edited", "second");
    assertThat(tags).doesNotHaveDuplicates();
    assertThat(tag(read)).as("the same bytes as before the third message").isEqualTo(tags.get(3));

    // the same messages are unread for bob, read for their sender: each has its own tag
    var bobs = history(roomId, bob, "?limit=50", null);
    assertThat(Http.array(bobs).getValuesAs(JsonObject.class))
        .extracting(m -> m.getBoolean("unread"))
        .containsExactly(true, true);
    assertThat(Http.array(read).getValuesAs(JsonObject.class))
        .extracting(m -> m.getBoolean("unread"))
        .containsExactly(false, false);
    assertThat(tag(bobs)).isNotEqualTo(tag(read));
    String readFirst = "{\"chat\":[\"" + first + "\"]}";
    ok(call("POST", "/user/me/rooms/" + roomId + "/unreadItems", bob, readFirst));
    var bobsAfter = history(roomId, bob, "?limit=50", tag(bobs));
    assertThat(bobsAfter.statusCode()).as("one message read meanwhile").isEqualTo(200);
    assertThat(Http.array(bobsAfter).getValuesAs(JsonObject.class))
        .extracting(m -> m.getBoolean("unread"))
        .containsExactly(false, true);

    // every option that changes the answer changes the tag
    List<String> forms = new java.util.ArrayList<>(List.of(tag(read)));
    for (String query :
        List.of(
            "?limit=1",
            "?limit=50&lean=true",
            "?limit=50&lookups=user",
            "?limit=50&includeThreads=true",
            "?limit=50&beforeId=" + second)) {
      var answer = history(roomId, alice, query, tag(read));
      assertThat(answer.statusCode()).as(query).isEqualTo(200);
      forms.add(tag(answer));
    }
    assertThat(forms).doesNotHaveDuplicates();
    var lookups = Http.object(history(roomId, alice, "?limit=50&lookups=user", null));
    assertThat(lookups.getJsonArray("items").getJsonObject(0).getString("fromUser"))
        .isEqualTo(
            lookups.getJsonObject("lookups").getJsonObject("users").keySet().iterator().next());

    // a reader banned meanwhile is refused at once, whatever tag it holds
    ok(
        call(
            "POST",
            "/rooms/" + roomId + "/bans",
            alice,
            "{\"username\":\"" + bobName + "\",\"removeMessages\":false}"));
    assertThat(history(roomId, bob, "?limit=50", tag(bobsAfter)).statusCode()).isIn(403, 404);
  }

  @Test
  void threadsRepliesAndCountsThem() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    String parentId = send(roomId, alice, "parent").getString("id");

    JsonObject reply =
        ok(
            call(
                "POST",
                "/rooms/" + roomId + "/chatMessages",
                alice,
                "{\"text\":\"reply\",\"parentId\":\"" + parentId + "\"}"));

    assertThat(reply.getString("parentId")).isEqualTo(parentId);
    JsonObject parent =
        ok(call("GET", "/rooms/" + roomId + "/chatMessages/" + parentId, alice, null));
    assertThat(parent.getInt("threadMessageCount")).isEqualTo(1);
    assertThat(texts(Http.array(call("GET", "/rooms/" + roomId + "/chatMessages", alice, null))))
        .containsExactly("parent");
    assertThat(
            texts(
                Http.array(
                    call(
                        "GET",
                        "/rooms/" + roomId + "/chatMessages/" + parentId + "/thread",
                        alice,
                        null))))
        .containsExactly("reply");

    assertThat(
            call("DELETE", "/rooms/" + roomId + "/chatMessages/" + parentId, alice, null)
                .statusCode())
        .isEqualTo(204);
    JsonObject blanked =
        ok(call("GET", "/rooms/" + roomId + "/chatMessages/" + parentId, alice, null));
    assertThat(blanked.getString("text")).isEmpty();
  }

  @Test
  void editsOwnMessagesAndDeletesThem() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    ok(call("POST", "/user/me/rooms", bob, "{\"id\":\"" + roomId + "\"}"));
    JsonObject message = send(roomId, alice, "first");
    String path = "/rooms/" + roomId + "/chatMessages/" + message.getString("id");

    JsonObject edited = ok(call("PUT", path, alice, "{\"text\":\"_second_\"}"));
    assertThat(edited.getString("html")).isEqualTo("<em>second</em>");
    assertThat(edited.getString("editedAt")).isNotBlank();
    assertThat(edited.getJsonNumber("v").longValue()).isEqualTo(2);
    assertThat(call("PUT", path, bob, "{\"text\":\"mine now\"}").statusCode()).isEqualTo(403);
    assertThat(call("DELETE", path, bob, null).statusCode()).isEqualTo(403);

    assertThat(call("DELETE", path, alice, null).statusCode()).isEqualTo(204);
    assertThat(call("GET", path, alice, null).statusCode()).isEqualTo(404);
  }

  @Test
  void keepsPrivateRoomsHiddenFromOutsiders() {
    JsonObject group = community(alice);
    JsonObject room =
        ok(
            call(
                "POST",
                "/groups/" + group.getString("id") + "/rooms",
                alice,
                "{\"name\":\"secret\",\"security\":{\"security\":\"PRIVATE\"}}"));
    String roomId = room.getString("id");
    send(roomId, alice, "for admins only");

    assertThat(room.getString("security")).isEqualTo("PRIVATE");
    assertError(call("GET", "/rooms/" + roomId, carol, null), 403, "access");
    assertThat(call("GET", "/rooms/" + roomId + "/chatMessages", carol, null).statusCode())
        .isEqualTo(403);
    assertThat(
            call("POST", "/rooms", carol, "{\"uri\":\"" + room.getString("uri") + "\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(call("POST", "/user/me/rooms", carol, "{\"id\":\"" + roomId + "\"}").statusCode())
        .isEqualTo(403);

    ok(call("POST", "/rooms/" + roomId + "/users", alice, "{\"username\":\"" + bobName + "\"}"));
    assertThat(texts(Http.array(call("GET", "/rooms/" + roomId + "/chatMessages", bob, null))))
        .containsExactly("for admins only");
  }

  @Test
  void onlyCommunityAdminsCreateRooms() {
    JsonObject group = community(alice);

    var response =
        call("POST", "/groups/" + group.getString("id") + "/rooms", bob, "{\"name\":\"mine\"}");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(
            call(
                    "POST",
                    "/groups/" + group.getString("id") + "/rooms",
                    alice,
                    "{\"name\":\"archives\"}")
                .statusCode())
        .as("reserved room name")
        .isEqualTo(400);
  }

  @Test
  void opensOneToOneRoomsByUsername() {
    JsonObject room = ok(call("POST", "/rooms", alice, "{\"uri\":\"" + bobName + "\"}"));

    assertThat(room.getBoolean("oneToOne")).isTrue();
    assertThat(room.getJsonObject("user").getString("username")).isEqualTo(bobName);
    assertThat(room.getString("url")).isEqualTo("/" + bobName);
    JsonObject again = ok(call("POST", "/rooms", alice, "{\"uri\":\"" + bobName + "\"}"));
    assertThat(again.getString("id")).isEqualTo(room.getString("id"));
    send(room.getString("id"), alice, "psst");
    assertThat(
            texts(
                Http.array(
                    call("GET", "/rooms/" + room.getString("id") + "/chatMessages", bob, null))))
        .containsExactly("psst");
    assertThat(call("GET", "/rooms/" + room.getString("id"), carol, null).statusCode())
        .isEqualTo(403);
  }

  @Test
  void leavesAndKicks() {
    JsonObject group = community(alice);
    String roomId = group.getJsonObject("defaultRoom").getString("id");
    String bobId = Http.array(call("GET", "/user", bob, null)).getJsonObject(0).getString("id");
    String carolId = Http.array(call("GET", "/user", carol, null)).getJsonObject(0).getString("id");
    ok(call("POST", "/user/me/rooms", bob, "{\"id\":\"" + roomId + "\"}"));
    ok(call("POST", "/user/me/rooms", carol, "{\"id\":\"" + roomId + "\"}"));

    assertThat(call("DELETE", "/rooms/" + roomId + "/users/" + carolId, bob, null).statusCode())
        .as("members cannot kick")
        .isEqualTo(403);
    ok(call("DELETE", "/rooms/" + roomId + "/users/" + bobId, bob, null));
    ok(call("DELETE", "/rooms/" + roomId + "/users/" + carolId, alice, null));
    assertThat(
            Http.array(call("GET", "/rooms/" + roomId + "/users", alice, null))
                .getValuesAs(JsonObject.class))
        .extracting(u -> u.getString("id"))
        .doesNotContain(bobId, carolId);
  }

  @Test
  void answersBadInputWithClearErrors() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    String messages = "/rooms/" + roomId + "/chatMessages";

    assertError(call("POST", messages, alice, "{\"text\":\"\"}"), 400, "Text is required");
    assertError(
        call("POST", messages, alice, "{\"text\":\"" + "x".repeat(4097) + "\"}"), 400, "too long");
    assertError(call("POST", messages, alice, "{\"text\": 12}"), 400, "text must be a string");
    assertError(call("POST", messages, alice, "{\"text\": \"unclosed"), 400, "Malformed JSON");
    assertError(call("GET", messages + "/not-an-id", alice, null), 400, "Invalid MongoId");
    assertError(call("GET", messages + "?skip=5001", alice, null), 400, "skip");
    assertError(call("GET", "/rooms/0123456789abcdef01234567", alice, null), 404, "Room not found");
    assertThat(Http.array(call("GET", messages + "?limit=500", alice, null))).isEmpty();
    assertError(
        call(
            "POST",
            messages,
            alice,
            "{\"text\":\"bridged\",\"virtualUser\":{\"type\":\"matrix\",\"externalId\":\"x\"}}"),
        403,
        "bridge");
  }

  @Test
  void storesScriptsAsHarmlessText() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");

    JsonObject message =
        send(roomId, alice, "<img src=x onerror=alert(1)> [x](javascript:alert(1))");

    assertThat(message.getString("text")).contains("<img src=x");
    assertThat(message.getString("html"))
        .doesNotContain("<img")
        .doesNotContain("href=\"javascript");
  }

  @Test
  void setsAWelcomeMessageForJoiners() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    String path = "/rooms/" + roomId + "/meta";

    JsonObject set = ok(call("POST", path, alice, "{\"welcomeMessage\":\"Be **kind**\"}"));
    assertThat(set.getJsonObject("welcomeMessage").getString("html"))
        .isEqualTo("Be <strong>kind</strong>");
    assertThat(ok(call("GET", path, carol, null)).getJsonObject("welcomeMessage").getString("text"))
        .isEqualTo("Be **kind**");
    assertThat(call("POST", path, carol, "{\"welcomeMessage\":\"mine\"}").statusCode())
        .isEqualTo(403);
  }

  @Test
  void answersInTheLookupsAndLeanForms() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    send(roomId, alice, "one");
    send(roomId, alice, "two");

    JsonObject lookups =
        ok(call("GET", "/rooms/" + roomId + "/chatMessages?lookups=user", alice, null));
    JsonArray items = lookups.getJsonArray("items");
    String senderId = items.getJsonObject(0).getString("fromUser");
    assertThat(items.getJsonObject(1).getString("fromUser")).isEqualTo(senderId);
    assertThat(
            lookups
                .getJsonObject("lookups")
                .getJsonObject("users")
                .getJsonObject(senderId)
                .getString("id"))
        .isEqualTo(senderId);

    JsonObject lean =
        Http.array(call("GET", "/rooms/" + roomId + "/chatMessages?lean=true", alice, null))
            .getJsonObject(0);
    assertThat(lean).doesNotContainKeys("urls", "mentions", "issues", "meta");
  }

  @Test
  void tracksUnreadItemsAndMentionsPerPerson() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    ok(call("POST", "/user/me/rooms", bob, "{\"id\":\"" + roomId + "\"}"));
    String first = send(roomId, alice, "one").getString("id");
    String second = send(roomId, alice, "two @" + bobName).getString("id");
    String third = send(roomId, alice, "three").getString("id");
    String unreadPath = "/user/me/rooms/" + roomId + "/unreadItems";

    JsonObject unread = ok(call("GET", unreadPath, bob, null));
    assertThat(unread.getJsonArray("chat").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactly(first, second, third);
    assertThat(unread.getJsonArray("mention").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactly(second);
    JsonObject room = ok(call("GET", "/rooms/" + roomId, bob, null));
    assertThat(room.getInt("unreadItems")).isEqualTo(3);
    assertThat(room.getInt("mentions")).isEqualTo(1);
    assertThat(ok(call("GET", unreadPath, alice, null)).getJsonArray("chat"))
        .as("not the sender")
        .isEmpty();
    assertThat(
            Http.array(call("GET", "/user/me/unreadItems", bob, null))
                .getValuesAs(JsonObject.class))
        .anySatisfy(
            r -> {
              assertThat(r.getString("id")).isEqualTo(roomId);
              assertThat(r.getInt("unreadItems")).isEqualTo(3);
            });

    ok(call("POST", unreadPath, bob, "{\"chat\":[\"" + second + "\"]}"));
    assertThat(ok(call("GET", "/rooms/" + roomId, bob, null)).getInt("mentions")).isZero();
    assertThat(call("POST", unreadPath, bob, "{\"chat\":[]}").statusCode()).isEqualTo(400);
    // recent ids read are kept a while (for unread items that arrive later): message ids only
    assertError(
        call("POST", unreadPath, bob, "{\"chat\":[\"" + "x".repeat(100_000) + "\"]}"),
        400,
        "Invalid MongoId");
    String many =
        java.util.stream.IntStream.range(0, 1_200)
            .mapToObj(i -> "\"" + new org.bson.types.ObjectId().toHexString() + "\"")
            .collect(java.util.stream.Collectors.joining(",", "{\"chat\":[", "]}"));
    ok(call("POST", unreadPath, bob, many));
    call("DELETE", "/rooms/" + roomId + "/chatMessages/" + third, alice, null);
    assertThat(
            ok(call("GET", unreadPath, bob, null))
                .getJsonArray("chat")
                .getValuesAs(jakarta.json.JsonString::getString))
        .containsExactly(first);

    JsonArray aroundFirstUnread =
        Http.array(
            call(
                "GET",
                "/rooms/" + roomId + "/chatMessages?limit=4&marker=first-unread",
                bob,
                null));
    assertThat(aroundFirstUnread.getValuesAs(JsonObject.class))
        .filteredOn(m -> m.getBoolean("initial", false))
        .extracting(m -> m.getString("id"))
        .containsExactly(first);

    ok(call("DELETE", unreadPath + "/all", bob, null));
    assertThat(ok(call("GET", "/rooms/" + roomId, bob, null)).getInt("unreadItems")).isZero();
  }

  @Test
  void answersMalformedIdsAndEmptyChangesWith400() {
    JsonObject group = community(alice);
    String groupId = group.getString("id");
    String roomId = group.getJsonObject("defaultRoom").getString("id");

    assertError(call("GET", "/rooms/not-an-id", alice, null), 400, "Invalid MongoId");
    assertError(call("GET", "/rooms/not-an-id/users", alice, null), 400, "Invalid MongoId");
    assertError(call("GET", "/groups/not-an-id", alice, null), 400, "Invalid MongoId");
    assertError(call("PUT", "/groups/not-an-id", alice, "{}"), 400, "Invalid MongoId");
    assertError(call("DELETE", "/oauth-clients/not-an-id", alice, null), 400, "Invalid MongoId");
    assertError(
        call("GET", "/rooms/" + roomId + "/events?beforeId=zz", alice, null), 400, "beforeId");
    assertError(call("PUT", "/groups/" + groupId, alice, "{}"), 400, "Nothing to update");
    assertError(call("PUT", "/groups/" + groupId, alice, "{\"name\":\"  \"}"), 400, "name");
    assertError(call("PUT", "/groups/" + "0".repeat(24), alice, "{}"), 404, "");
  }

  @Test
  void showsARoomWithItsCommunityAndWhatBacksIt() {
    JsonObject group = community(alice);
    String roomId = group.getJsonObject("defaultRoom").getString("id");

    JsonObject room = ok(call("GET", "/rooms/" + roomId, alice, null));

    assertThat(room.getJsonObject("group").getString("id")).isEqualTo(group.getString("id"));
    assertThat(room.getJsonObject("group").getString("uri")).isEqualTo(group.getString("uri"));
    assertThat(room.getJsonObject("group").getJsonObject("backedBy").isNull("type")).isTrue();
    assertThat(room.getJsonObject("backend").containsKey("type")).isTrue();
    assertThat(room.getJsonObject("backend").isNull("type")).isTrue();
    assertThat(group.getJsonObject("backedBy").containsKey("type"))
        .as("communities send backedBy: {type: null}")
        .isTrue();
    JsonObject shown = ok(call("GET", "/groups/" + group.getString("id"), alice, null));
    assertThat(shown.getJsonObject("backedBy").isNull("type")).isTrue();
    assertThat(Http.array(call("GET", "/user/me/rooms", alice, null)).getJsonObject(0))
        .as("lists stay lean, as Gitter's")
        .doesNotContainKeys("group", "backend");
  }

  @Test
  void invitesPeopleByUsername() {
    String roomId = Api.privateRoom(alice);
    String invites = "/rooms/" + roomId + "/invites";

    JsonObject invited = ok(call("POST", invites, alice, "{\"username\":\"" + bobName + "\"}"));

    assertThat(invited.getString("status")).isEqualTo("added");
    assertThat(invited.getJsonObject("user").getString("username")).isEqualTo(bobName);
    assertThat(invited.getString("avatarUrl")).startsWith("https://");
    assertThat(send(roomId, bob, "thanks").getString("text")).isEqualTo("thanks");
    assertThat(
            ok(call(
                    "POST",
                    invites,
                    alice,
                    "{\"type\":\"gitter\",\"externalId\":\"" + bobName + "\"}"))
                .getString("status"))
        .isEqualTo("added");
    // invites by email that go out are MailIT's; here only addresses that are none
    assertError(call("POST", invites, alice, "{\"email\":\"nobody\"}"), 400, "email");
    assertError(
        call("POST", invites, alice, "{\"type\":\"email\",\"emailAddress\":\"a@@b\"}"),
        400,
        "email");
    assertError(call("POST", invites, alice, "{\"githubUsername\":\"x\"}"), 400, "Gitter");
    assertError(call("POST", invites, alice, "{}"), 400, "username is required");
    assertThat(Http.array(call("GET", invites, alice, null))).isEmpty();
  }

  @Test
  void suggestsRoomsNotYetJoined() {
    JsonObject group = community(alice);
    String groupId = group.getString("id");
    String home = group.getJsonObject("defaultRoom").getString("id");
    String other =
        ok(call("POST", "/groups/" + groupId + "/rooms", alice, "{\"name\":\"lounge\"}"))
            .getString("id");
    Api.join(home, bob);

    JsonArray forRoom = Api.okArray(call("GET", "/rooms/" + home + "/suggestedRooms", bob, null));
    JsonArray forGroup =
        Api.okArray(call("GET", "/groups/" + groupId + "/suggestedRooms", bob, null));
    JsonArray forUser = Api.okArray(call("GET", "/user/me/suggestedRooms", bob, null));

    assertThat(forRoom.getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("id"))
        .contains(other)
        .doesNotContain(home)
        .hasSizeLessThanOrEqualTo(12);
    assertThat(forGroup.getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("id"))
        .containsExactly(other);
    JsonObject suggestion = forGroup.getJsonObject(0);
    assertThat(suggestion.getBoolean("exists")).isTrue();
    assertThat(suggestion.getString("uri")).endsWith("/lounge");
    assertThat(suggestion).doesNotContainKeys("unreadItems", "roomMember", "lastAccessTime");
    assertThat(forUser.getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("id"))
        .doesNotContain(home);
    assertThat(call("GET", "/user/" + "0".repeat(24) + "/suggestedRooms", bob, null).statusCode())
        .isEqualTo(403);
  }

  @Test
  void aRoomsEventsAreEmptyUntilIntegrationsExist() {
    String roomId = Api.privateRoom(alice);

    assertThat(Api.okArray(call("GET", "/rooms/" + roomId + "/events", alice, null))).isEmpty();
    assertError(call("GET", "/rooms/" + roomId + "/events", carol, null), 403, "access");
    assertError(call("GET", "/rooms/" + roomId + "/events?limit=0", alice, null), 400, "limit");
  }

  @Test
  void favouritesACommunity() {
    JsonObject group = community(alice);
    String path = "/user/me/groups/" + group.getString("id");

    JsonObject favourite = ok(call("PATCH", path, alice, "{\"favourite\":2}"));

    assertThat(favourite.getInt("favourite")).isEqualTo(2);
    assertThat(Api.okArray(call("GET", "/groups", alice, null)).getValuesAs(JsonObject.class))
        .filteredOn(g -> g.getString("id").equals(group.getString("id")))
        .singleElement()
        .satisfies(g -> assertThat(g.getInt("favourite")).isEqualTo(2));
    assertThat(
            Api.okArray(call("GET", "/user/me/groups", alice, null)).getValuesAs(JsonObject.class))
        .filteredOn(g -> g.getString("id").equals(group.getString("id")))
        .singleElement()
        .satisfies(g -> assertThat(g.getInt("favourite")).isEqualTo(2));
    assertThat(ok(call("PATCH", path, alice, "{\"favourite\":false}")))
        .doesNotContainKey("favourite");
    assertThat(
            Api.okArray(call("GET", "/user/me/groups", alice, null)).getValuesAs(JsonObject.class))
        .filteredOn(g -> g.getString("id").equals(group.getString("id")))
        .singleElement()
        .satisfies(g -> assertThat(g).doesNotContainKey("favourite"));
    assertError(call("PATCH", path, alice, "{\"favourite\":\"x\"}"), 400, "favourite");
    assertError(call("PATCH", path, alice, "{}"), 400, "favourite");
    assertError(call("PATCH", "/user/me/groups/nope", alice, "{\"favourite\":1}"), 400, "MongoId");
    assertError(
        call("PATCH", "/user/me/groups/" + "0".repeat(24), alice, "{\"favourite\":1}"), 404, "");
  }

  @Test
  void answersLeanUsersAndSendersWhenAsked() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    send(roomId, alice, "plain words");

    JsonObject member =
        Api.okArray(call("GET", "/rooms/" + roomId + "/users?lean=false", alice, null))
            .getJsonObject(0);
    JsonObject message =
        Api.okArray(call("GET", "/rooms/" + roomId + "/chatMessages?lean=true", alice, null))
            .getJsonObject(0);
    JsonObject full =
        Api.okArray(call("GET", "/rooms/" + roomId + "/users", alice, null)).getJsonObject(0);

    assertThat(member)
        .containsKeys("id", "username")
        .doesNotContainKeys("displayName", "avatarUrl");
    assertThat(message.getJsonObject("fromUser"))
        .containsKeys("id", "username")
        .doesNotContainKeys("displayName", "avatarUrl", "url");
    assertThat(message).doesNotContainKeys("urls", "mentions", "issues");
    assertThat(full).containsKeys("displayName", "avatarUrl");
  }

  private static List<String> texts(JsonArray messages) {
    return messages.getValuesAs(JsonObject.class).stream().map(m -> m.getString("text")).toList();
  }
}
