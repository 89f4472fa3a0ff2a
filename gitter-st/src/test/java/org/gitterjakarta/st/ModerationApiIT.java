package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gitterjakarta.st.Api.assertError;
import static org.gitterjakarta.st.Api.call;
import static org.gitterjakarta.st.Api.community;
import static org.gitterjakarta.st.Api.join;
import static org.gitterjakarta.st.Api.ok;
import static org.gitterjakarta.st.Api.okArray;
import static org.gitterjakarta.st.Api.send;

import jakarta.json.JsonObject;
import java.util.UUID;
import org.gitterjakarta.testsupport.http.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Moderation through API v1 (§4.9, §4.10): the ban matrix, private rooms removing instead of
 * banning, extra admins, and reports.
 */
class ModerationApiIT {

  static String alice;
  static String bob;
  static String carol;
  static String aliceName;
  static String bobName;
  static String carolName;
  static String carolId;

  @BeforeAll
  static void people() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    aliceName = "malice" + suffix;
    alice = SharedInstance.newUser(aliceName);
    bobName = "mbob" + suffix;
    bob = SharedInstance.newUser(bobName);
    carolName = "mcarol" + suffix;
    carol = SharedInstance.newUser(carolName);
    carolId = ok(call("GET", "/user/me", carol, null)).getString("id");
  }

  static String ban(String username, boolean removeMessages) {
    return "{\"username\":\"" + username + "\",\"removeMessages\":" + removeMessages + "}";
  }

  @Test
  void bannedPeopleCanNeitherReadWriteNorJoin() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    join(roomId, bob);
    join(roomId, carol);
    send(roomId, bob, "spam spam");
    String kept = send(roomId, carol, "a fine message").getString("id");
    String bans = "/rooms/" + roomId + "/bans";

    assertError(call("POST", bans, carol, ban(bobName, true)), 403, "admins");
    assertError(call("POST", bans, alice, ban(aliceName, false)), 400, "yourself");
    assertError(call("POST", bans, alice, "{}"), 400, "username");
    assertError(call("POST", bans, alice, ban("nobody-" + bobName, false)), 404, "");

    JsonObject banned = ok(call("POST", bans, alice, ban(bobName, true)));

    assertThat(banned.getJsonObject("user").getString("username")).isEqualTo(bobName);
    assertThat(banned.getJsonObject("bannedBy").getString("username")).isEqualTo(aliceName);
    assertThat(banned.getString("dateBanned")).endsWith("Z");
    assertThat(call("GET", "/rooms/" + roomId, bob, null).statusCode()).isEqualTo(403);
    assertThat(call("GET", "/rooms/" + roomId + "/chatMessages", bob, null).statusCode())
        .isEqualTo(403);
    assertThat(
            call("POST", "/rooms/" + roomId + "/chatMessages", bob, "{\"text\":\"back\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(call("POST", "/user/me/rooms", bob, "{\"id\":\"" + roomId + "\"}").statusCode())
        .isEqualTo(403);
    assertThat(okArray(call("GET", "/rooms/" + roomId + "/chatMessages", alice, null)))
        .as("removeMessages took bob's messages")
        .extracting(m -> m.asJsonObject().getString("id"))
        .containsExactly(kept);
    assertThat(okArray(call("GET", "/rooms/" + roomId + "/users", alice, null)))
        .extracting(u -> u.asJsonObject().getString("username"))
        .doesNotContain(bobName);
    assertThat(okArray(call("GET", bans, alice, null)))
        .extracting(b -> b.asJsonObject().getJsonObject("user").getString("username"))
        .containsExactly(bobName);
    assertThat(ok(call("GET", bans + "/" + bobName, alice, null)).getString("dateBanned"))
        .isEqualTo(banned.getString("dateBanned"));
    assertThat(call("GET", bans + "/" + carolName, alice, null).statusCode()).isEqualTo(404);
    assertThat(call("GET", bans, carol, null).statusCode()).isEqualTo(403);

    ok(call("DELETE", bans + "/" + bobName, alice, null));
    join(roomId, bob);
    assertThat(send(roomId, bob, "sorry").getString("text")).isEqualTo("sorry");
  }

  /**
   * Rights are kept per instance for a few seconds (issue 18); a change must still count at once: a
   * join lets someone refused a moment ago send, and once a ban answers no send started later is
   * taken, while every send taken before it stays stored.
   */
  @Test
  void joinsAndBansCountAtOnceEvenDuringASendStorm() throws Exception {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    String daveName = "mdave" + UUID.randomUUID().toString().substring(0, 6);
    String dave = SharedInstance.newUser(daveName);
    String messages = "/rooms/" + roomId + "/chatMessages";
    assertThat(call("POST", messages, dave, "{\"text\":\"not yet\"}").statusCode()).isEqualTo(403);
    join(roomId, dave);
    assertThat(send(roomId, dave, "in at once").getString("text")).isEqualTo("in at once");

    record Attempt(long startedAt, int status, String id) {}
    var attempts = new java.util.concurrent.ConcurrentLinkedQueue<Attempt>();
    var accepted = new java.util.concurrent.atomic.AtomicInteger(1);
    var bannedAt = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var senders = new java.util.ArrayList<java.util.concurrent.Future<?>>();
      for (int t = 0; t < 4; t++) {
        senders.add(
            pool.submit(
                () -> {
                  // until 10 sends have started after the ban answered (or the rate limit nears)
                  while (attempts.size() < 300
                      && attempts.stream().filter(a -> a.startedAt() > bannedAt.get()).count()
                          < 10) {
                    long started = System.nanoTime();
                    var response = call("POST", messages, dave, "{\"text\":\"storm\"}");
                    String id =
                        response.statusCode() == 200 ? Http.object(response).getString("id") : null;
                    if (id != null) {
                      accepted.incrementAndGet();
                    }
                    attempts.add(new Attempt(started, response.statusCode(), id));
                  }
                }));
      }
      while (accepted.get() < 20) {
        Thread.sleep(5);
      }
      ok(call("POST", "/rooms/" + roomId + "/bans", alice, ban(daveName, false)));
      bannedAt.set(System.nanoTime());
      for (var sender : senders) {
        sender.get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(attempts)
        .filteredOn(a -> a.startedAt() > bannedAt.get())
        .hasSizeGreaterThanOrEqualTo(10)
        .extracting(Attempt::status)
        .containsOnly(403);
    var taken = attempts.stream().map(Attempt::id).filter(java.util.Objects::nonNull).toList();
    assertThat(taken).hasSizeGreaterThanOrEqualTo(19);
    assertThat(okArray(call("GET", messages + "?limit=100", alice, null)))
        .as("every send that was answered 200 is stored")
        .extracting(m -> m.asJsonObject().getString("id"))
        .containsAll(taken);
  }

  @Test
  void adminsCannotBeBannedAndOneToOneRoomsHaveNoBans() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    join(roomId, carol);
    String security = "/rooms/" + roomId + "/security";
    ok(call("POST", security + "/extraAdmins", alice, "{\"id\":\"" + carolId + "\"}"));

    assertError(
        call("POST", "/rooms/" + roomId + "/bans", alice, ban(carolName, false)), 403, "admins");
    String oneToOne =
        ok(call("POST", "/rooms", alice, "{\"uri\":\"" + carolName + "\"}")).getString("id");
    assertError(
        call("POST", "/rooms/" + oneToOne + "/bans", alice, ban(carolName, false)), 403, "");
  }

  @Test
  void privateRoomsRemoveInsteadOfBanning() {
    String roomId = Api.privateRoom(alice);
    ok(call("POST", "/rooms/" + roomId + "/users", alice, "{\"username\":\"" + bobName + "\"}"));

    var response = call("POST", "/rooms/" + roomId + "/bans", alice, ban(bobName, false));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(Http.object(response).getBoolean("removed")).isTrue();
    assertThat(call("GET", "/rooms/" + roomId, bob, null).statusCode()).isEqualTo(403);
    assertThat(okArray(call("GET", "/rooms/" + roomId + "/bans", alice, null))).isEmpty();
  }

  @Test
  void roomAdminsManageExtraAdmins() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    join(roomId, carol);
    String security = "/rooms/" + roomId + "/security";

    assertError(call("GET", security, carol, null), 403, "admins");
    assertError(call("GET", security + "/extraAdmins", carol, null), 403, "admins");
    JsonObject descriptor = ok(call("GET", security, alice, null));
    assertThat(descriptor.getString("members")).isEqualTo("PUBLIC");
    assertThat(descriptor.getString("admins")).isEqualTo("GROUP_ADMIN");
    assertThat(descriptor.getJsonArray("extraAdmins")).isEmpty();
    assertThat(
            call("POST", security + "/extraAdmins", carol, "{\"id\":\"" + carolId + "\"}")
                .statusCode())
        .isEqualTo(403);
    assertError(call("PUT", security, alice, "{\"type\":\"GH_ORG\"}"), 400, "cannot be changed");
    assertError(call("POST", security + "/extraAdmins", alice, "{\"id\":\"zz\"}"), 400, "MongoId");

    assertError(
        call("PUT", security, alice, "{\"extraAdmins\":[\"" + "0".repeat(24) + "\"]}"),
        400,
        "Not a user");
    ok(call("PUT", security, alice, "{\"extraAdmins\":[\"" + carolId + "\"]}"));
    assertThat(
            ok(call("GET", "/rooms/" + roomId, carol, null))
                .getJsonObject("permissions")
                .getBoolean("admin"))
        .isTrue();
    assertThat(okArray(call("GET", security + "/extraAdmins", alice, null)))
        .extracting(u -> u.asJsonObject().getString("username"))
        .containsExactly(carolName);
    ok(call("PUT", "/rooms/" + roomId, carol, "{\"topic\":\"set by an extra admin\"}"));

    assertThat(call("DELETE", security + "/extraAdmins/" + carolId, alice, null).statusCode())
        .isEqualTo(204);
    assertThat(call("PUT", "/rooms/" + roomId, carol, "{\"topic\":\"again\"}").statusCode())
        .isEqualTo(403);
  }

  @Test
  void reportsAreKeptOncePerReporter() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    join(roomId, bob);
    String message = send(roomId, alice, "questionable").getString("id");
    String report = "/rooms/" + roomId + "/chatMessages/" + message + "/report";

    JsonObject first = ok(call("POST", report, bob, null));

    assertThat(first.getString("id")).as("an ObjectId, as Gitter's").matches("[0-9a-f]{24}");
    assertThat(first.getString("messageId")).isEqualTo(message);
    assertThat(first.getString("messageText")).isEqualTo("questionable");
    assertThat(first.getJsonObject("reporterUser").getString("username")).isEqualTo(bobName);
    assertThat(first.getJsonObject("messageUser").getString("username")).isEqualTo(aliceName);
    assertThat(first.getJsonNumber("weight").doubleValue())
        .as("accounts younger than two days weigh nothing")
        .isZero();
    assertThat(ok(call("POST", report, bob, null)).getString("id"))
        .isEqualTo(first.getString("id"));
    assertError(call("POST", report, alice, null), 403, "own message");
    assertThat(call("POST", report, carol, null).statusCode())
        .as("carol is not in the room, but it is public: she may read and report")
        .isEqualTo(200);
    assertError(
        call("POST", "/rooms/" + roomId + "/chatMessages/" + "0".repeat(24) + "/report", bob, null),
        404,
        "Message not found");
  }

  @Test
  void communityAdminsManageTheCommunitysSecurity() {
    String groupId = community(alice).getString("id");
    String security = "/groups/" + groupId + "/security";

    JsonObject descriptor = ok(call("GET", security, alice, null));

    assertThat(descriptor.containsKey("type")).as("type is sent, as null").isTrue();
    assertThat(descriptor.isNull("type")).isTrue();
    assertThat(descriptor.getString("admins")).isEqualTo("MANUAL");
    assertThat(descriptor.getJsonArray("extraAdmins")).isEmpty();
    assertError(call("GET", security, carol, null), 403, "admins");
    assertError(call("PUT", security, carol, "{\"extraAdmins\":[]}"), 403, "admins");
    assertError(call("PUT", security, alice, "{}"), 400, "Invalid update");
    assertError(call("PUT", security, alice, "{\"type\":\"GROUP\"}"), 400, "type");
    assertError(call("PUT", security, alice, "{\"extraAdmins\":[\"nope\"]}"), 400, "Invalid user");
    assertError(call("PUT", security, alice, "{\"extraAdmins\":\"x\"}"), 400, "list");
    assertError(call("GET", "/groups/" + "0".repeat(24) + "/security", alice, null), 404, "");
    assertError(call("GET", "/groups/nope/security", alice, null), 400, "Invalid MongoId");

    JsonObject changed =
        ok(call("PUT", security, alice, "{\"extraAdmins\":[\"" + carolId + "\"]}"));

    assertThat(Api.strings(changed.getJsonArray("extraAdmins"))).containsExactly(carolId);
    assertThat(ok(call("GET", security, carol, null)).getJsonArray("extraAdmins")).hasSize(1);
    assertThat(call("POST", "/groups/" + groupId + "/rooms", carol, "{\"name\":\"carols\"}"))
        .extracting(r -> r.statusCode())
        .as("an extra admin administers the community")
        .isEqualTo(200);
  }
}
