package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gitterjakarta.st.Api.assertError;
import static org.gitterjakarta.st.Api.call;
import static org.gitterjakarta.st.Api.defaultRoomOf;
import static org.gitterjakarta.st.Api.join;
import static org.gitterjakarta.st.Api.ok;
import static org.gitterjakarta.st.Api.okArray;
import static org.gitterjakarta.st.Api.send;
import static org.gitterjakarta.st.Api.strings;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Unread state as people see it through API v1 (§4.5, §4.6): notification modes and defaults,
 * mentions of outsiders, edits that move mentions, read receipts, settings, and the realtime events
 * each change publishes.
 */
class NotificationsApiIT {

  static String alice;
  static String bob;
  static String carol;
  static String bobName;
  static String carolName;
  static String bobId;
  static String carolId;
  static LiveFeed live;

  @BeforeAll
  static void people() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    alice = SharedInstance.newUser("nalice" + suffix);
    bobName = "nbob" + suffix;
    bob = SharedInstance.newUser(bobName);
    carolName = "ncarol" + suffix;
    carol = SharedInstance.newUser(carolName);
    bobId = ok(call("GET", "/user/me", bob, null)).getString("id");
    carolId = ok(call("GET", "/user/me", carol, null)).getString("id");
    live = new LiveFeed();
  }

  @AfterAll
  static void stopListening() throws Exception {
    live.close();
  }

  static JsonObject room(String roomId, String token) {
    return ok(call("GET", "/rooms/" + roomId, token, null));
  }

  @Test
  void modesDecideUnreadItemsMentionsAndAnnouncements() {
    String roomId = defaultRoomOf(alice);
    join(roomId, bob);
    join(roomId, carol);
    live.clear();
    JsonObject muted = ok(call("PATCH", "/user/me/rooms/" + roomId, bob, "{\"mode\":\"mute\"}"));
    assertThat(muted.getBoolean("lurk")).isTrue();
    live.await(
        "/api/v1/user/" + bobId + "/rooms/" + roomId + "/unreadItems",
        d -> d.getString("notification", "").equals("lurk_change") && d.getBoolean("lurk"));
    String settingsPath = "/user/me/rooms/" + roomId + "/settings/notifications";
    ok(call("PUT", settingsPath, carol, "{\"mode\":\"announcement\"}"));
    JsonObject bobSettings = ok(call("GET", settingsPath, bob, null));
    assertThat(bobSettings.getString("mode")).isEqualTo("mute");
    assertThat(bobSettings.getBoolean("lurk")).isTrue();
    assertThat(bobSettings.getBoolean("unread")).isFalse();
    assertThat(bobSettings.getJsonObject("defaultSettings").getString("mode")).isEqualTo("all");
    assertThat(ok(call("GET", settingsPath, carol, null)).getString("mode"))
        .isEqualTo("announcement");
    assertError(call("PUT", settingsPath, bob, "{\"mode\":\"loud\"}"), 400, "mode");
    assertError(call("PUT", settingsPath, bob, "{}"), 400, "mode");

    send(roomId, alice, "plain words");
    String mention = send(roomId, alice, "hey @" + bobName).getString("id");
    String all = send(roomId, alice, "@/all meeting now").getString("id");

    JsonObject bobRoom = room(roomId, bob);
    assertThat(bobRoom.getInt("unreadItems")).as("muted: mentions only").isEqualTo(1);
    assertThat(bobRoom.getInt("mentions")).isEqualTo(1);
    assertThat(bobRoom.getBoolean("activity")).as("muted rooms show activity").isTrue();
    var bobUnread = ok(call("GET", "/user/me/rooms/" + roomId + "/unreadItems", bob, null));
    assertThat(strings(bobUnread.getJsonArray("mention"))).containsExactly(mention);
    JsonObject carolRoom = room(roomId, carol);
    assertThat(carolRoom.getInt("unreadItems")).isEqualTo(3);
    assertThat(carolRoom.getInt("mentions")).as("@/all for announcements").isEqualTo(1);
    assertThat(carolRoom.containsKey("activity")).isFalse();
    live.await(
        "/api/v1/user/" + carolId + "/rooms/" + roomId + "/unreadItems",
        d ->
            d.getString("notification", "").equals("unread_items")
                && d.getJsonObject("items").containsKey("mention")
                && strings(d.getJsonObject("items").getJsonArray("mention")).contains(all));

    JsonObject patch =
        live.await(
            "/api/v1/user/" + carolId + "/rooms",
            d ->
                d.getString("operation", "").equals("patch")
                    && d.getJsonObject("model").getInt("unreadItems", 0) == 3);
    assertThat(patch.getJsonObject("model").getInt("mentions")).isEqualTo(1);
    ok(call("DELETE", "/user/me/rooms/" + roomId + "/unreadItems/all", carol, null));
    live.await(
        "/api/v1/user/" + carolId + "/rooms/" + roomId + "/unreadItems",
        d -> d.getString("notification", "").equals("mark_all_read"));
    assertThat(room(roomId, carol).getInt("unreadItems")).isZero();
    // what counts as read is what was sent up to the marking, not what is sent after it
    String after = send(roomId, alice, "after the marking").getString("id");
    assertThat(room(roomId, carol).getInt("unreadItems")).isEqualTo(1);
    assertThat(
            strings(
                ok(call("GET", "/user/me/rooms/" + roomId + "/unreadItems", carol, null))
                    .getJsonArray("chat")))
        .containsExactly(after);
  }

  @Test
  void defaultModeAppliesToRoomsJoinedLaterAndOverridesOnRequest() {
    String first = defaultRoomOf(alice);
    join(first, bob);
    ok(call("PUT", "/user/me/settings/defaultRoomMode", bob, "{\"mode\":\"mute\"}"));
    String later = defaultRoomOf(alice);
    join(later, bob);
    String mode = "/settings/notifications";

    assertThat(ok(call("GET", "/user/me/rooms/" + later + mode, bob, null)).getString("mode"))
        .isEqualTo("mute");
    assertThat(ok(call("GET", "/user/me/rooms/" + first + mode, bob, null)).getString("mode"))
        .as("rooms following the default change with it")
        .isEqualTo("mute");
    ok(call("PUT", "/user/me/rooms/" + first + mode, bob, "{\"mode\":\"all\"}"));
    ok(call("PUT", "/user/me/settings/defaultRoomMode", bob, "{\"mode\":\"announcement\"}"));
    assertThat(ok(call("GET", "/user/me/rooms/" + first + mode, bob, null)).getString("mode"))
        .as("a room set by hand keeps its mode")
        .isEqualTo("all");
    ok(
        call(
            "PUT",
            "/user/me/settings/defaultRoomMode",
            bob,
            "{\"mode\":\"mute\",\"override\":true}"));
    assertThat(ok(call("GET", "/user/me/rooms/" + first + mode, bob, null)).getString("mode"))
        .as("override rewrites every room")
        .isEqualTo("mute");
    ok(
        call(
            "PUT",
            "/user/me/settings/defaultRoomMode",
            bob,
            "{\"mode\":\"all\",\"override\":true}"));
  }

  @Test
  void storesSettingsUnderGittersKeys() {
    assertThat(call("PUT", "/user/me/settings/lang", carol, "\"de\"").body()).isEqualTo("\"de\"");
    ok(call("POST", "/user/me/settings", carol, "{\"leftRoomMenu\":{\"state\":\"all\"}}"));

    JsonObject both = ok(call("GET", "/user/me/settings/lang,leftRoomMenu", carol, null));
    assertThat(both.getString("lang")).isEqualTo("de");
    assertThat(both.getJsonObject("leftRoomMenu").getString("state")).isEqualTo("all");
    assertThat(ok(call("GET", "/user/me/settings/defaultRoomMode", carol, null)).getString("mode"))
        .isEqualTo("all");
    assertError(call("GET", "/user/me/settings/shoeSize", carol, null), 404, "Unknown setting");
    assertError(call("PUT", "/user/me/settings/lang", carol, "{\"a\":1}"), 400, "wrong shape");
    assertError(
        call("PUT", "/user/me/settings/unread_notifications_optout", carol, "\"yes\""),
        400,
        "wrong shape");
    assertThat(call("GET", "/user/" + bobId + "/settings/lang", carol, null).statusCode())
        .isEqualTo(403);
  }

  @Test
  void mentionsReachPeopleOutsideTheRoomWhoMayJoinIt() {
    String open = defaultRoomOf(alice);
    String message = send(open, alice, "@" + carolName + " have a look").getString("id");

    JsonObject listed =
        okArray(call("GET", "/user/me/rooms", carol, null)).getValuesAs(JsonObject.class).stream()
            .filter(r -> r.getString("id").equals(open))
            .findFirst()
            .orElseThrow(() -> new AssertionError("mentioned room not in the list"));
    assertThat(listed.getBoolean("roomMember")).isFalse();
    assertThat(listed.getInt("mentions")).isEqualTo(1);

    call("DELETE", "/rooms/" + open + "/chatMessages/" + message, alice, null);
    assertThat(
            okArray(call("GET", "/user/me/unreadItems", carol, null)).getValuesAs(JsonObject.class))
        .noneMatch(r -> r.getString("id").equals(open));
  }

  @Test
  void editsMoveMentionsBetweenPeople() {
    String roomId = defaultRoomOf(alice);
    join(roomId, bob);
    join(roomId, carol);
    String id = send(roomId, alice, "thanks @" + bobName).getString("id");
    assertThat(room(roomId, bob).getInt("mentions")).isEqualTo(1);

    ok(
        call(
            "PUT",
            "/rooms/" + roomId + "/chatMessages/" + id,
            alice,
            "{\"text\":\"thanks @" + carolName + "\"}"));

    assertThat(room(roomId, bob).getInt("mentions")).isZero();
    assertThat(room(roomId, bob).getInt("unreadItems")).as("still unread").isEqualTo(1);
    assertThat(room(roomId, carol).getInt("mentions")).isEqualTo(1);
  }

  @Test
  void recordsFirstReadsInBatchesAndMarksUnreadMessages() {
    String roomId = defaultRoomOf(alice);
    join(roomId, bob);
    String first = send(roomId, alice, "first").getString("id");
    String second = send(roomId, alice, "second").getString("id");
    String history = "/rooms/" + roomId + "/chatMessages";
    assertThat(okArray(call("GET", history, bob, null)).getValuesAs(JsonObject.class))
        .allMatch(m -> m.getBoolean("unread"));
    live.clear();

    ok(
        call(
            "POST",
            "/user/me/rooms/" + roomId + "/unreadItems",
            bob,
            "{\"chat\":[\"" + first + "\"]}"));
    ok(
        call(
            "POST",
            "/user/me/rooms/" + roomId + "/unreadItems",
            alice,
            "{\"chat\":[\"" + second + "\"]}"));

    JsonObject patch =
        live.await(
            "/api/v1/rooms/" + roomId + "/chatMessages",
            d -> d.getString("operation", "").equals("patch"));
    assertThat(patch.getJsonObject("model").getString("id")).isEqualTo(first);
    assertThat(patch.getJsonObject("model").getInt("readBy")).isEqualTo(1);
    assertThat(okArray(call("GET", history + "/" + first + "/readBy", alice, null)))
        .extracting(u -> u.asJsonObject().getString("username"))
        .containsExactly(bobName);
    Awaitility.await()
        .untilAsserted(
            () ->
                assertThat(okArray(call("GET", history, bob, null)).getValuesAs(JsonObject.class))
                    .extracting(
                        m ->
                            m.getString("id")
                                + ":"
                                + m.getBoolean("unread")
                                + ":"
                                + m.getInt("readBy"))
                    .containsExactly(first + ":false:1", second + ":true:0"));
    assertThat(okArray(call("GET", history + "/" + second + "/readBy", bob, null)))
        .as("the sender is not a reader")
        .isEmpty();
    assertError(call("GET", history + "/nope/readBy", bob, null), 400, "Invalid MongoId");
  }

  @Test
  void lastSeenIdSetsTheLastAccessTime() {
    String roomId = defaultRoomOf(alice);
    join(roomId, bob);
    String id = send(roomId, alice, "seen?").getString("id");
    String path = "/user/me/rooms/" + roomId + "/unreadItems/";

    ok(call("PUT", path + id, bob, null));

    Instant sent = new ObjectId(id).getDate().toInstant();
    assertThat(Instant.parse(room(roomId, bob).getString("lastAccessTime"))).isEqualTo(sent);
    String future =
        new ObjectId(java.util.Date.from(Instant.now().plusSeconds(3600))).toHexString();
    assertError(call("PUT", path + future, bob, null), 400, "future");
  }
}
