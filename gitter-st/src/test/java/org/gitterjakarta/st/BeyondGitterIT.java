package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gitterjakarta.st.Api.assertError;
import static org.gitterjakarta.st.Api.call;
import static org.gitterjakarta.st.Api.community;
import static org.gitterjakarta.st.Api.join;
import static org.gitterjakarta.st.Api.ok;
import static org.gitterjakarta.st.Api.okArray;
import static org.gitterjakarta.st.Api.send;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gitterjakarta.testsupport.bayeux.BayeuxClient;
import org.gitterjakarta.testsupport.http.Http;
import org.gitterjakarta.testsupport.launcher.GitterRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What chat products have that Gitter lacked, through API v1 and Bayeux: emoji reactions on
 * messages, "is typing" notices, and renaming rooms and communities without support's help; each
 * with its refusals.
 */
class BeyondGitterIT {

  static GitterRun gitter;
  static String alice;
  static String bob;
  static String carol;
  static String aliceId;
  static String bobId;
  static LiveFeed live;

  @BeforeAll
  static void people() throws Exception {
    gitter = SharedInstance.get();
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    alice = SharedInstance.newUser("ra" + suffix, "--password", "password123");
    bob = SharedInstance.newUser("rb" + suffix, "--password", "password123");
    carol = SharedInstance.newUser("rc" + suffix, "--password", "password123");
    aliceId = ok(call("GET", "/user/me", alice, null)).getString("id");
    bobId = ok(call("GET", "/user/me", bob, null)).getString("id");
    live = new LiveFeed();
  }

  @AfterAll
  static void stopListening() throws Exception {
    live.close();
  }

  static String reactions(String roomId, String messageId) {
    return "/rooms/" + roomId + "/chatMessages/" + messageId + "/reactions";
  }

  @Test
  void reactionsAreAddedOnceListedLiveAndTakenBack() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    join(roomId, bob);
    String messageId = send(roomId, alice, "shipped the release").getString("id");
    live.clear();

    JsonArray afterBob = okArray(call("PUT", reactions(roomId, messageId) + "/tada", bob, null));
    assertThat(afterBob).hasSize(1);
    JsonObject tada = afterBob.getJsonObject(0);
    assertThat(tada.getString("name")).isEqualTo("tada");
    assertThat(tada.getString("emoji")).isEqualTo("🎉");
    assertThat(tada.getInt("count")).isEqualTo(1);
    assertThat(Api.strings(tada.getJsonArray("userIds"))).containsExactly(bobId);
    JsonObject patch =
        live.await(
            "/api/v1/rooms/" + roomId + "/chatMessages",
            data -> data.getString("operation").equals("patch"));
    assertThat(patch.getJsonObject("model").getString("id")).isEqualTo(messageId);
    assertThat(patch.getJsonObject("model").getJsonArray("reactions")).isEqualTo(afterBob);

    live.clear();
    assertThat(okArray(call("PUT", reactions(roomId, messageId) + "/:tada:", bob, null)))
        .as("the same reaction again changes nothing")
        .isEqualTo(afterBob);
    String thumbsUp = URLEncoder.encode("👍", StandardCharsets.UTF_8);
    JsonArray both =
        okArray(call("PUT", reactions(roomId, messageId) + "/" + thumbsUp, alice, null));
    assertThat(both.getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("name"))
        .as("by the character, stored under its shortcode, in the order first chosen")
        .containsExactly("tada", "+1");
    JsonObject next =
        live.await(
            "/api/v1/rooms/" + roomId + "/chatMessages",
            data -> data.getString("operation").equals("patch"));
    assertThat(next.getJsonObject("model").getJsonArray("reactions"))
        .as("the repeat was not announced")
        .isEqualTo(both);
    okArray(call("PUT", reactions(roomId, messageId) + "/thumbsup", bob, null));

    JsonObject message =
        ok(call("GET", "/rooms/" + roomId + "/chatMessages/" + messageId, carol, null));
    assertThat(message.getJsonArray("reactions").getJsonObject(1).getInt("count")).isEqualTo(2);
    assertThat(okArray(call("GET", reactions(roomId, messageId), carol, null)))
        .as("anyone who can read the room sees them")
        .isEqualTo(message.getJsonArray("reactions"));

    JsonArray afterTakingBack =
        okArray(call("DELETE", reactions(roomId, messageId) + "/tada", bob, null));
    assertThat(afterTakingBack.getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("name"))
        .containsExactly("+1");
    assertThat(okArray(call("DELETE", reactions(roomId, messageId) + "/tada", bob, null)))
        .isEqualTo(afterTakingBack);
    JsonArray history =
        okArray(call("GET", "/rooms/" + roomId + "/chatMessages?lean=true", alice, null));
    assertThat(history.getJsonObject(0).getJsonArray("reactions").size()).isEqualTo(1);
    String plain = send(roomId, alice, "no reactions here").getString("id");
    JsonObject lean =
        okArray(call("GET", "/rooms/" + roomId + "/chatMessages?lean=true", alice, null))
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(m -> m.getString("id").equals(plain))
            .findFirst()
            .orElseThrow();
    assertThat(lean.containsKey("reactions")).as("lean leaves the empty list out").isFalse();
  }

  @Test
  void reactionsAreRefusedWithReasons() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    String messageId = send(roomId, alice, "react to me").getString("id");
    String privateRoom = Api.privateRoom(alice);
    String secret = send(privateRoom, alice, "private").getString("id");

    assertError(
        call("PUT", reactions(roomId, messageId) + "/notanemoji", alice, null), 400, "emoji");
    assertError(
        call("PUT", reactions(roomId, messageId) + "/" + "x".repeat(300), alice, null),
        400,
        "emoji");
    assertError(call("PUT", reactions(roomId, messageId) + "/tada", carol, null), 403, "join");
    assertThat(call("PUT", reactions(privateRoom, secret) + "/tada", carol, null).statusCode())
        .as("someone else's private room")
        .isIn(403, 404);
    assertThat(call("GET", reactions(privateRoom, secret), carol, null).statusCode())
        .isIn(403, 404);
    assertError(call("PUT", reactions(roomId, "nope") + "/tada", alice, null), 400, "Invalid");
    assertThat(call("PUT", reactions(roomId, secret) + "/tada", alice, null).statusCode())
        .as("a message of another room")
        .isEqualTo(404);
    assertThat(call("PUT", reactions(roomId, messageId) + "/tada", null, null).statusCode())
        .isEqualTo(401);

    List<String> names =
        List.of(
            "smile",
            "laughing",
            "wink",
            "heart",
            "+1",
            "-1",
            "clap",
            "tada",
            "rocket",
            "fire",
            "eyes",
            "thinking",
            "pray",
            "ok_hand",
            "wave",
            "sweat_smile",
            "joy",
            "cry",
            "white_check_mark",
            "x");
    names.forEach(
        name -> okArray(call("PUT", reactions(roomId, messageId) + "/" + name, alice, null)));
    assertError(call("PUT", reactions(roomId, messageId) + "/bug", alice, null), 400, "at most 20");
    assertThat(okArray(call("PUT", reactions(roomId, messageId) + "/x", alice, null)))
        .as("an emoji already there is still fine")
        .hasSize(20);
  }

  @Test
  void typingNoticesReachTheRoomAndAreLimited() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    join(roomId, bob);
    String channel = "/api/v1/rooms/" + roomId + "/typing";
    try (var typist = BayeuxClient.websocket(gitter.bayeux());
        var reader = BayeuxClient.longPolling(gitter.bayeux());
        var outsider = BayeuxClient.longPolling(gitter.bayeux());
        var guest = BayeuxClient.longPolling(gitter.bayeux())) {
      typist.handshake(alice);
      reader.handshake(bob);
      assertThat(reader.subscribe(channel, JsonValue.FALSE).getBoolean("successful")).isTrue();

      JsonObject reply =
          typist.publish(channel, Json.createObjectBuilder().add("typing", true).build());
      assertThat(reply.getBoolean("successful")).as(reply.toString()).isTrue();
      JsonObject heard =
          reader.await(channel, data -> data.getBoolean("typing")).getJsonObject("data");
      assertThat(heard.getString("notification")).isEqualTo("typing");
      assertThat(heard.getJsonObject("user").getString("id")).isEqualTo(aliceId);
      assertThat(heard.getJsonObject("user").getString("username")).startsWith("ra");

      typist.publish(channel, Json.createObjectBuilder().add("typing", false).build());
      assertThat(
              reader
                  .await(channel, data -> !data.getBoolean("typing"))
                  .getJsonObject("data")
                  .getJsonObject("user")
                  .getString("id"))
          .isEqualTo(aliceId);

      JsonObject wrong =
          typist.publish(channel, Json.createObjectBuilder().add("typing", "yes").build());
      assertThat(wrong.getBoolean("successful")).isFalse();
      assertThat(wrong.getString("error")).startsWith("400::");

      outsider.handshake(carol);
      JsonObject refused =
          outsider.publish(channel, Json.createObjectBuilder().add("typing", true).build());
      assertThat(refused.getBoolean("successful")).as("carol is not a member").isFalse();
      assertThat(refused.getString("error")).startsWith("403::");
      guest.handshake(null);
      assertThat(
              guest
                  .publish(channel, Json.createObjectBuilder().add("typing", true).build())
                  .getBoolean("successful"))
          .isFalse();
      assertThat(
              reader.hears(
                  channel,
                  1000,
                  data -> !data.getJsonObject("user").getString("id").equals(aliceId)))
          .as("refused notices reach nobody")
          .isFalse();

      List<String> errors = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        JsonObject flood =
            typist.publish(channel, Json.createObjectBuilder().add("typing", true).build());
        if (!flood.getBoolean("successful")) {
          errors.add(flood.getString("error"));
        }
      }
      assertThat(errors)
          .as("a client sending too often")
          .isNotEmpty()
          .allMatch(e -> e.startsWith("429::"));
    }
    assertThat(
            okArray(call("GET", "/rooms/" + roomId + "/chatMessages", alice, null))
                .getValuesAs(JsonObject.class))
        .as("nothing of it is stored")
        .noneMatch(m -> m.getJsonObject("fromUser").getString("id").equals(aliceId));
  }

  @Test
  void adminsRenameRoomsAndCommunitiesAndOldAddressesStillLead() {
    JsonObject group = community(alice);
    String groupId = group.getString("id");
    String oldCommunity = group.getString("uri");
    JsonObject room = group.getJsonObject("defaultRoom");
    String roomId = room.getString("id");
    String oldRoomUri = room.getString("uri");
    join(roomId, bob);
    live.clear();

    JsonObject renamed = ok(call("PUT", "/rooms/" + roomId, alice, "{\"name\":\"lobby\"}"));
    assertThat(renamed.getString("uri")).isEqualTo(oldCommunity + "/lobby");
    assertThat(renamed.getString("url")).isEqualTo("/" + oldCommunity + "/lobby");
    JsonObject update =
        live.await("/api/v1/rooms/" + roomId, data -> data.getString("operation").equals("update"));
    assertThat(update.getJsonObject("model").getString("uri")).isEqualTo(oldCommunity + "/lobby");
    assertThat(ok(call("POST", "/rooms", bob, "{\"uri\":\"" + oldRoomUri + "\"}")).getString("id"))
        .as("the old address still resolves")
        .isEqualTo(roomId);
    assertError(call("PUT", "/rooms/" + roomId, bob, "{\"name\":\"mine\"}"), 403, "admins");
    assertError(
        call("PUT", "/rooms/" + roomId, alice, "{\"name\":\"no spaces\"}"), 400, "Room name");
    String other =
        ok(call("POST", "/groups/" + groupId + "/rooms", alice, "{\"name\":\"other\"}"))
            .getString("id");
    assertThat(call("PUT", "/rooms/" + other, alice, "{\"name\":\"community\"}").statusCode())
        .as("the renamed room's old address stays its own")
        .isEqualTo(409);
    assertThat(call("PUT", "/rooms/" + other, alice, "{\"name\":\"lobby\"}").statusCode())
        .isEqualTo(409);
    assertThat(
            ok(call("PUT", "/rooms/" + roomId, alice, "{\"name\":\"community\"}")).getString("uri"))
        .as("back to its own former name")
        .isEqualTo(oldRoomUri);

    String newCommunity = "renamed" + UUID.randomUUID().toString().substring(0, 6);
    assertError(
        call("PUT", "/groups/" + groupId, bob, "{\"uri\":\"" + newCommunity + "\"}"),
        403,
        "admins");
    assertError(call("PUT", "/groups/" + groupId, alice, "{\"uri\":\"api\"}"), 400, "reserved");
    assertError(call("PUT", "/groups/" + groupId, alice, "{\"uri\":42}"), 400, "uri");
    String takenBy = community(bob).getString("uri");
    assertThat(
            call("PUT", "/groups/" + groupId, alice, "{\"uri\":\"" + takenBy + "\"}").statusCode())
        .isEqualTo(409);
    live.clear();
    JsonObject moved =
        ok(
            call(
                "PUT",
                "/groups/" + groupId,
                alice,
                "{\"uri\":\"" + newCommunity + "\",\"name\":\"Renamed Team\"}"));
    assertThat(moved.getString("uri")).isEqualTo(newCommunity);
    assertThat(moved.getString("name")).isEqualTo("Renamed Team");
    JsonObject movedRoom = ok(call("GET", "/rooms/" + roomId, bob, null));
    assertThat(movedRoom.getString("uri")).isEqualTo(newCommunity + "/community");
    assertThat(ok(call("GET", "/rooms/" + other, alice, null)).getString("uri"))
        .isEqualTo(newCommunity + "/other");
    live.await(
        "/api/v1/rooms/" + roomId,
        data ->
            data.getString("operation").equals("update")
                && data.getJsonObject("model").getString("uri").startsWith(newCommunity));
    assertThat(ok(call("POST", "/rooms", bob, "{\"uri\":\"" + oldRoomUri + "\"}")).getString("id"))
        .as("an address from before both renames")
        .isEqualTo(roomId);
    assertThat(call("POST", "/groups", carol, "{\"uri\":\"" + oldCommunity + "\"}").statusCode())
        .as("nobody takes a renamed community's old uri")
        .isEqualTo(409);
    assertThat(
            Http.array(call("GET", "/groups/" + groupId + "/rooms", alice, null))
                .getValuesAs(JsonObject.class))
        .extracting(r -> r.getString("uri"))
        .allMatch(uri -> uri.startsWith(newCommunity + "/"));

    String temporary =
        ok(call("POST", "/groups/" + groupId + "/rooms", alice, "{\"name\":\"temp\"}"))
            .getString("id");
    ok(call("PUT", "/rooms/" + temporary, alice, "{\"name\":\"temp2\"}"));
    ok(call("DELETE", "/rooms/" + temporary, alice, null));
    assertThat(
            call("POST", "/groups/" + groupId + "/rooms", alice, "{\"name\":\"temp\"}")
                .statusCode())
        .as("a deleted room frees the addresses it had before a rename too")
        .isEqualTo(200);

    var web = Http.get(gitter.uri("/" + oldRoomUri));
    assertThat(web.statusCode()).as("the web page of the old address").isEqualTo(302);
    assertThat(web.headers().firstValue("Location").orElseThrow())
        .endsWith("/" + newCommunity + "/community");
    var home = Http.get(gitter.uri("/" + oldCommunity));
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/" + newCommunity);
  }
}
