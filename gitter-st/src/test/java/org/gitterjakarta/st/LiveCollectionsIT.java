package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gitterjakarta.st.Api.call;
import static org.gitterjakarta.st.Api.community;
import static org.gitterjakarta.st.Api.join;
import static org.gitterjakarta.st.Api.ok;
import static org.gitterjakarta.st.Api.send;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.gitterjakarta.testsupport.bayeux.BayeuxClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a Gitter client that keeps state hears (§ wire fidelity): the room list, community list and
 * room channels follow every change made through the REST API, in Gitter's shapes; desktop
 * notifications and activity on the person's own channel; the handshake as Gitter answered it; and
 * the snapshot options of history. Each live case runs over websocket and long-polling.
 */
class LiveCollectionsIT {

  static String alice;
  static String bob;
  static String bobId;
  static String bobName;
  static String aliceName;

  @BeforeAll
  static void people() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    aliceName = "lcalice" + suffix;
    bobName = "lcbob" + suffix;
    alice = SharedInstance.newUser(aliceName, "--name", "Alice Live");
    bob = SharedInstance.newUser(bobName);
    bobId = ok(call("GET", "/user/me", bob, null)).getString("id");
  }

  static Stream<Supplier<BayeuxClient>> transports() {
    return Stream.of(
        named("websocket", () -> BayeuxClient.websocket(SharedInstance.get().bayeux())),
        named("long-polling", () -> BayeuxClient.longPolling(SharedInstance.get().bayeux())));
  }

  private static Supplier<BayeuxClient> named(String name, Supplier<BayeuxClient> client) {
    return new Supplier<>() {
      @Override
      public BayeuxClient get() {
        return client.get();
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  private static String rooms(String userId) {
    return "/api/v1/user/" + userId + "/rooms";
  }

  private static String groups(String userId) {
    return "/api/v1/user/" + userId + "/groups";
  }

  private static Predicate<JsonObject> op(String operation, String id) {
    return data ->
        operation.equals(data.getString("operation", ""))
            && data.get("model") instanceof JsonObject model
            && id.equals(model.getString("id", ""));
  }

  private static void mute(String roomId, String token) {
    String path = "/user/me/rooms/" + roomId + "/settings/notifications";
    ok(call("PUT", path, token, "{\"mode\":\"mute\"}"));
  }

  private static JsonObject model(JsonObject delivery) {
    return delivery.getJsonObject("data").getJsonObject("model");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void theRoomAndCommunityListsFollowJoinsFavouritesTopicsAndLeaves(
      Supplier<BayeuxClient> transport) {
    JsonObject group = community(alice);
    String groupId = group.getString("id");
    String roomId = group.getJsonObject("defaultRoom").getString("id");
    try (var client = transport.get()) {
      client.handshake(bob);
      assertThat(client.subscribe(rooms(bobId), null).getBoolean("successful")).isTrue();
      assertThat(client.subscribe(groups(bobId), null).getBoolean("successful")).isTrue();

      join(roomId, bob);
      JsonObject community = client.await(groups(bobId), op("create", groupId));
      assertThat(model(community).getString("name")).isEqualTo(group.getString("name"));
      assertThat(model(community).getJsonObject("backedBy").get("type")).isIn(null, JsonValue.NULL);
      JsonObject created = client.await(rooms(bobId), op("create", roomId));
      assertThat(model(created).getBoolean("roomMember")).isTrue();
      assertThat(model(created).getString("url")).startsWith("/");

      ok(call("PUT", "/user/me/rooms/" + roomId, bob, "{\"favourite\":1}"));
      JsonObject favourite = client.await(rooms(bobId), op("patch", roomId));
      assertThat(model(favourite).getInt("favourite")).isEqualTo(1);

      ok(call("PUT", "/rooms/" + roomId, alice, "{\"topic\":\"Live topics\"}"));
      JsonObject topic =
          client.await(
              rooms(bobId),
              op("patch", roomId).and(d -> d.getJsonObject("model").containsKey("topic")));
      assertThat(model(topic).getString("topic")).isEqualTo("Live topics");

      mute(roomId, bob);
      JsonObject lurk =
          client.await(
              rooms(bobId),
              op("patch", roomId).and(d -> d.getJsonObject("model").containsKey("lurk")));
      assertThat(model(lurk).getBoolean("lurk")).isTrue();

      var left = call("DELETE", "/rooms/" + roomId + "/users/" + bobId, bob, null);
      assertThat(left.statusCode()).as(left.body()).isEqualTo(200);
      client.await(rooms(bobId), op("remove", roomId));
      client.await(groups(bobId), op("remove", groupId));

      ok(call("POST", "/rooms/" + roomId + "/users", alice, "{\"username\":\"" + bobName + "\"}"));
      client.await(groups(bobId), op("create", groupId));
      client.await(rooms(bobId), op("create", roomId));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void aRoomsChannelHearsItsChangesAndItsDeletion(Supplier<BayeuxClient> transport) {
    JsonObject group = community(alice);
    String roomId =
        ok(call(
                "POST",
                "/groups/" + group.getString("id") + "/rooms",
                alice,
                "{\"name\":\"doomed\",\"security\":{\"security\":\"PUBLIC\"}}"))
            .getString("id");
    join(roomId, bob);
    try (var client = transport.get()) {
      client.handshake(bob);
      client.subscribe("/api/v1/rooms/" + roomId, null);
      client.subscribe(rooms(bobId), null);
      client.subscribe(groups(bobId), null);

      ok(call("PUT", "/rooms/" + roomId, alice, "{\"tags\":[\"live\"]}"));
      JsonObject update = client.await("/api/v1/rooms/" + roomId, op("update", roomId));
      assertThat(model(update).getJsonArray("tags").getString(0)).isEqualTo("live");

      ok(call("POST", "/rooms/" + roomId + "/meta", alice, "{\"welcomeMessage\":\"Hello\"}"));
      client.await("/api/v1/rooms/" + roomId, op("update", roomId));

      var deleted = call("DELETE", "/rooms/" + roomId, alice, null);
      assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
      client.await("/api/v1/rooms/" + roomId, op("remove", roomId));
      client.await(rooms(bobId), op("remove", roomId));
      client.await(groups(bobId), op("remove", group.getString("id")));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void aKickOrABanTakesTheRoomOffTheList(Supplier<BayeuxClient> transport) {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    join(roomId, bob);
    try (var client = transport.get()) {
      client.handshake(bob);
      client.subscribe(rooms(bobId), null);

      ok(call("POST", "/rooms/" + roomId + "/bans", alice, "{\"username\":\"" + bobName + "\"}"));
      client.await(rooms(bobId), op("remove", roomId));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transports")
  void desktopNotificationsForMentionsAndOneToOnesActivityForMutedRooms(
      Supplier<BayeuxClient> transport) {
    JsonObject group = community(alice);
    String roomId = group.getJsonObject("defaultRoom").getString("id");
    String roomUri = ok(call("GET", "/rooms/" + roomId, alice, null)).getString("uri");
    join(roomId, bob);
    String own = "/api/v1/user/" + bobId;
    try (var client = transport.get()) {
      client.handshake(bob);
      assertThat(client.subscribe(own, null).getBoolean("successful")).isTrue();

      String mention = send(roomId, alice, "@" + bobName + " look").getString("id");
      JsonObject notice =
          client.await(own, d -> "user_notification".equals(d.getString("notification", "")));
      JsonObject data = notice.getJsonObject("data");
      assertThat(data.getString("title")).isEqualTo("Alice Live \uD83D\uDCAC " + roomUri);
      assertThat(data.getString("text")).isEqualTo("@" + bobName + " look");
      assertThat(data.getString("link")).isEqualTo("/" + roomUri);
      assertThat(data.getString("troupeId")).isEqualTo(roomId);
      assertThat(data.getString("chatId")).isEqualTo(mention);

      send(roomId, alice, "nothing for bob");
      assertThat(
              client.hears(
                  own, 2_000, d -> "user_notification".equals(d.getString("notification", ""))))
          .as("no desktop notification without a mention")
          .isFalse();

      String direct =
          ok(call("POST", "/rooms", alice, "{\"uri\":\"" + bobName + "\"}")).getString("id");
      send(direct, alice, "just us");
      JsonObject oneToOne =
          client.await(
              own,
              d ->
                  "user_notification".equals(d.getString("notification", ""))
                      && direct.equals(d.getString("troupeId", "")));
      assertThat(oneToOne.getJsonObject("data").getString("title")).isEqualTo("Alice Live");
      assertThat(oneToOne.getJsonObject("data").getString("link")).isEqualTo("/" + aliceName);

      mute(roomId, bob);
      send(roomId, alice, "quiet chatter");
      JsonObject activity =
          client.await(own, d -> "activity".equals(d.getString("notification", "")));
      assertThat(activity.getJsonObject("data").getString("troupeId")).isEqualTo(roomId);
    }
  }

  @Test
  void handshakesAnswerAsGitterDid() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    try (var client = BayeuxClient.longPolling(SharedInstance.get().bayeux())) {
      JsonObject reply =
          client.handshakeWith(
              Json.createObjectBuilder().add("token", alice).add("troupeId", roomId).build());
      JsonObject ext = reply.getJsonObject("ext");
      assertThat(ext.getString("appVersion")).isNotBlank();
      assertThat(ext.getJsonObject("context").getJsonObject("troupe").getString("id"))
          .isEqualTo(roomId);
      assertThat(ext.getJsonObject("context").getJsonObject("user").getString("username"))
          .isEqualTo(aliceName);
    }
    try (var client = BayeuxClient.longPolling(SharedInstance.get().bayeux())) {
      JsonObject refused = client.handshake("0".repeat(40));
      assertThat(refused.getString("error")).isEqualTo("401::Invalid access token");
      assertThat(refused.getJsonObject("advice").getString("reconnect")).isEqualTo("none");
      assertThat(refused.getJsonObject("advice").getJsonNumber("interval").longValue())
          .isEqualTo(864_000_000L);
    }
    try (var client = BayeuxClient.websocket(SharedInstance.get().bayeux())) {
      JsonObject refused =
          client.handshakeWith(Json.createObjectBuilder().add("token", 42).build());
      assertThat(refused.getString("error")).isEqualTo("401::Access token required");
      assertThat(refused.getJsonObject("advice").getString("reconnect")).isEqualTo("none");
    }
    try (var client = BayeuxClient.websocket(SharedInstance.get().bayeux())) {
      JsonObject anonymous = client.handshake(null);
      assertThat(anonymous.getBoolean("successful")).as("anonymous readers, on purpose").isTrue();
      assertThat(anonymous.getJsonObject("ext").getString("appVersion")).isNotBlank();
    }
  }

  @Test
  void historySnapshotsTakeGittersOptions() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    String first = send(roomId, alice, "first").getString("id");
    String second = send(roomId, alice, "second").getString("id");
    send(roomId, alice, "third");
    String channel = "/api/v1/rooms/" + roomId + "/chatMessages";
    try (var client = BayeuxClient.websocket(SharedInstance.get().bayeux())) {
      client.handshake(bob);

      JsonObject withLookups =
          client
              .subscribe(
                  channel,
                  Json.createObjectBuilder()
                      .add("lookups", Json.createArrayBuilder().add("user"))
                      .add("beforeInclId", second)
                      .add("lean", true)
                      .add("somethingNew", "ignored")
                      .build())
              .getJsonObject("ext")
              .getJsonObject("snapshot");
      var items = withLookups.getJsonArray("items");
      assertThat(items)
          .extracting(m -> m.asJsonObject().getString("id"))
          .containsExactly(first, second);
      String senderId = items.getJsonObject(0).getString("fromUser");
      assertThat(
              withLookups
                  .getJsonObject("lookups")
                  .getJsonObject("users")
                  .getJsonObject(senderId)
                  .getString("username"))
          .isEqualTo(aliceName);
      assertThat(items.getJsonObject(0).containsKey("urls")).as("lean: no empty lists").isFalse();

      var members =
          client
              .subscribe(
                  "/api/v1/rooms/" + roomId + "/users",
                  Json.createObjectBuilder().add("lean", true).add("limit", 1).build())
              .getJsonObject("ext")
              .getJsonArray("snapshot");
      assertThat(members).hasSize(1);
      assertThat(members.getJsonObject(0).getString("username")).isEqualTo(aliceName);
      assertThat(members.getJsonObject(0).containsKey("displayName")).as("lean user").isFalse();
    }
  }
}
