package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gitterjakarta.st.Api.call;
import static org.gitterjakarta.st.Api.community;
import static org.gitterjakarta.st.Api.join;
import static org.gitterjakarta.st.Api.ok;
import static org.gitterjakarta.st.Api.send;
import static org.gitterjakarta.st.Api.strings;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.gitterjakarta.testsupport.Pause;
import org.gitterjakarta.testsupport.bayeux.BayeuxClient;
import org.gitterjakarta.testsupport.http.Http;
import org.gitterjakarta.testsupport.launcher.GitterRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Bayeux service at {@code /bayeux/} (§3), over long-polling and websocket, with a client
 * written from the protocol: handshake authentication, subscribe rules per channel pattern,
 * snapshots, live create/update/remove with the {@code ext.c} sequence, publish rules, removal from
 * rooms, fan-out across two realtime instances, and clients that stop reading.
 */
class RealtimeIT {

  static GitterRun gitter;
  static String alice;
  static String bob;
  static String carol;
  static String bobId;
  static String carolId;
  static String bobName;

  @BeforeAll
  static void people() {
    gitter = SharedInstance.get();
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    alice = SharedInstance.newUser("ralice" + suffix);
    bobName = "rbob" + suffix;
    bob = SharedInstance.newUser(bobName);
    carol = SharedInstance.newUser("rcarol" + suffix);
    bobId = ok(call("GET", "/user/me", bob, null)).getString("id");
    carolId = ok(call("GET", "/user/me", carol, null)).getString("id");
  }

  static String messages(String roomId) {
    return "/api/v1/rooms/" + roomId + "/chatMessages";
  }

  static boolean isCreate(JsonObject data, String text) {
    return "create".equals(data.getString("operation", ""))
        && text.equals(data.getJsonObject("model").getString("text", ""));
  }

  @Test
  void authenticatesHandshakesByToken() {
    try (var client = BayeuxClient.longPolling(gitter.bayeux())) {
      JsonObject reply = client.handshake(bob);
      assertThat(reply.getBoolean("successful")).isTrue();
      assertThat(reply.getJsonObject("ext").getString("userId")).isEqualTo(bobId);
      assertThat(
              reply
                  .getJsonObject("ext")
                  .getJsonObject("context")
                  .getJsonObject("user")
                  .getString("username"))
          .isEqualTo(bobName);
    }
    try (var client = BayeuxClient.longPolling(gitter.bayeux())) {
      JsonObject refused = client.handshake("0".repeat(40));
      assertThat(refused.getBoolean("successful")).isFalse();
      assertThat(refused.getString("error")).isEqualTo("401::Invalid access token");
      assertThat(refused.getJsonObject("advice").getString("reconnect")).isEqualTo("none");
    }
    try (var client = BayeuxClient.longPolling(gitter.bayeux())) {
      JsonObject anonymous = client.handshake(null);
      assertThat(anonymous.getBoolean("successful")).isTrue();
      assertThat(anonymous.getJsonObject("ext").get("userId")).isEqualTo(JsonValue.NULL);
    }
  }

  @Test
  void deliversLiveChangesWithAGaplessSequenceOverLongPolling() {
    deliversLiveChanges(BayeuxClient.longPolling(gitter.bayeux()));
  }

  @Test
  void deliversLiveChangesWithAGaplessSequenceOverWebsocket() {
    deliversLiveChanges(BayeuxClient.websocket(gitter.bayeux()));
  }

  private void deliversLiveChanges(BayeuxClient client) {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    send(roomId, alice, "history");
    try (client) {
      client.handshake(bob);
      JsonObject subscribed =
          client.subscribe(messages(roomId), Json.createObjectBuilder().add("limit", 5).build());
      assertThat(subscribed.getBoolean("successful")).as(subscribed.toString()).isTrue();
      assertThat(subscribed.getJsonObject("ext").getJsonArray("snapshot"))
          .extracting(m -> m.asJsonObject().getString("text"))
          .containsExactly("history");

      String first = send(roomId, alice, "one").getString("id");
      send(roomId, alice, "two");
      ok(call("PUT", "/rooms/" + roomId + "/chatMessages/" + first, alice, "{\"text\":\"one!\"}"));
      call("DELETE", "/rooms/" + roomId + "/chatMessages/" + first, alice, null);

      List<Long> sequence = new ArrayList<>();
      JsonObject one = client.await(messages(roomId), d -> isCreate(d, "one"));
      sequence.add(one.getJsonObject("ext").getJsonNumber("c").longValue());
      JsonObject two = client.await(messages(roomId), d -> isCreate(d, "two"));
      sequence.add(two.getJsonObject("ext").getJsonNumber("c").longValue());
      JsonObject update =
          client.await(messages(roomId), d -> "update".equals(d.getString("operation", "")));
      sequence.add(update.getJsonObject("ext").getJsonNumber("c").longValue());
      JsonObject remove =
          client.await(messages(roomId), d -> "remove".equals(d.getString("operation", "")));
      sequence.add(remove.getJsonObject("ext").getJsonNumber("c").longValue());

      assertThat(update.getJsonObject("data").getJsonObject("model").getString("text"))
          .isEqualTo("one!");
      assertThat(remove.getJsonObject("data").getJsonObject("model").getString("id"))
          .isEqualTo(first);
      assertThat(sequence).containsExactly(1L, 2L, 3L, 4L);
    }
  }

  @Test
  void authorisesEverySubscriptionByItsPattern() {
    String groupId = community(alice).getString("id");
    String secret =
        ok(call(
                "POST",
                "/groups/" + groupId + "/rooms",
                alice,
                "{\"name\":\"secret\",\"security\":{\"security\":\"PRIVATE\"}}"))
            .getString("id");
    try (var client = BayeuxClient.longPolling(gitter.bayeux())) {
      client.handshake(bob);

      assertThat(client.subscribe(messages(secret), null).getString("error"))
          .isEqualTo("403::Authorisation denied.");
      assertThat(client.subscribe("/api/v1/user/" + carolId + "/rooms", null).getString("error"))
          .isEqualTo("403::Authorisation denied.");
      assertThat(client.subscribe("/api/v1/rooms/nothing/chatMessages", null).getString("error"))
          .isEqualTo("400::Invalid ID");
      assertThat(client.subscribe("/api/v1/anything", null).getString("error"))
          .startsWith("404::Unknown subscription");
      JsonObject own = client.subscribe("/api/v1/user/" + bobId + "/rooms", JsonValue.TRUE);
      assertThat(own.getBoolean("successful")).isTrue();
      assertThat(own.getJsonObject("ext").getJsonArray("snapshot")).isNotNull();
      assertThat(client.subscribe("/api/v1/ping", null).getBoolean("successful")).isTrue();
    }
    try (var anonymous = BayeuxClient.longPolling(gitter.bayeux())) {
      anonymous.handshake(null);
      String open = community(alice).getJsonObject("defaultRoom").getString("id");
      assertThat(anonymous.subscribe(messages(open), null).getBoolean("successful")).isTrue();
      assertThat(anonymous.subscribe(messages(secret), null).getString("error"))
          .isEqualTo("403::Authorisation denied.");
    }
  }

  @Test
  void letsClientsPublishOnlyPings() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    try (var client = BayeuxClient.websocket(gitter.bayeux())) {
      client.handshake(bob);

      JsonObject denied =
          client.publish(messages(roomId), Json.createObjectBuilder().add("text", "x").build());
      assertThat(denied.getBoolean("successful")).isFalse();
      assertThat(denied.getString("error")).isEqualTo("403::Push access denied");
      assertThat(
              client
                  .publish(
                      "/api/v1/ping2", Json.createObjectBuilder().add("reason", "ping").build())
                  .getBoolean("successful"))
          .isTrue();
    }
  }

  @Test
  void givesSnapshotsOfUsersAndUnreadItems() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    join(roomId, bob);
    String unread = send(roomId, alice, "for bob").getString("id");
    try (var client = BayeuxClient.longPolling(gitter.bayeux())) {
      client.handshake(bob);

      JsonObject users = client.subscribe("/api/v1/rooms/" + roomId + "/users", JsonValue.TRUE);
      assertThat(users.getJsonObject("ext").getJsonArray("snapshot"))
          .extracting(u -> u.asJsonObject().getString("username"))
          .contains(bobName);
      JsonObject items =
          client.subscribe(
              "/api/v1/user/" + bobId + "/rooms/" + roomId + "/unreadItems", JsonValue.TRUE);
      assertThat(
              items
                  .getJsonObject("ext")
                  .getJsonObject("snapshot")
                  .getJsonArray("chat")
                  .getString(0))
          .isEqualTo(unread);
      JsonObject room = client.subscribe("/api/v1/rooms/" + roomId, JsonValue.TRUE);
      assertThat(room.getJsonObject("ext").getJsonObject("snapshot").getString("id"))
          .isEqualTo(roomId);
      JsonObject noSnapshot = client.subscribe(messages(roomId), JsonValue.FALSE);
      assertThat(noSnapshot.containsKey("ext")).isFalse();
    }
  }

  @Test
  void tellsPeopleOfTheirUnreadItemsAndTakesThemBack() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    join(roomId, bob);
    String unread = "/api/v1/user/" + bobId + "/rooms/" + roomId + "/unreadItems";
    String rooms = "/api/v1/user/" + bobId + "/rooms";
    try (var client = BayeuxClient.websocket(gitter.bayeux())) {
      client.handshake(bob);
      client.subscribe(unread, JsonValue.FALSE);
      client.subscribe(rooms, JsonValue.FALSE);

      String id = send(roomId, alice, "look @" + bobName).getString("id");

      JsonObject added =
          client.await(unread, d -> isNotification(d, "unread_items")).getJsonObject("data");
      assertThat(strings(added.getJsonObject("items").getJsonArray("chat"))).containsExactly(id);
      assertThat(strings(added.getJsonObject("items").getJsonArray("mention"))).containsExactly(id);
      JsonObject counts =
          client.await(rooms, d -> isCountPatch(d, roomId, 1)).getJsonObject("data");
      assertThat(counts.getJsonObject("model").getInt("mentions")).isEqualTo(1);

      var deleted = call("DELETE", "/rooms/" + roomId + "/chatMessages/" + id, alice, null);
      assertThat(deleted.statusCode()).isEqualTo(204);

      JsonObject removed =
          client
              .await(unread, d -> isNotification(d, "unread_items_removed"))
              .getJsonObject("data");
      assertThat(strings(removed.getJsonObject("items").getJsonArray("chat"))).containsExactly(id);
      JsonObject none = client.await(rooms, d -> isCountPatch(d, roomId, 0)).getJsonObject("data");
      assertThat(none.getJsonObject("model").getInt("mentions")).isZero();
    }
  }

  private static boolean isNotification(JsonObject data, String kind) {
    return kind.equals(data.getString("notification", ""));
  }

  private static boolean isCountPatch(JsonObject data, String roomId, int unreadItems) {
    if (!"patch".equals(data.getString("operation", ""))) {
      return false;
    }
    JsonObject model = data.getJsonObject("model");
    return roomId.equals(model.getString("id", ""))
        && model.containsKey("unreadItems")
        && model.getInt("unreadItems") == unreadItems;
  }

  @Test
  void stopsDeliveringToPeopleRemovedFromARoom() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    join(roomId, bob);
    try (var client = BayeuxClient.longPolling(gitter.bayeux())) {
      client.handshake(bob);
      client.subscribe(messages(roomId), JsonValue.FALSE);
      send(roomId, alice, "still here");
      client.await(messages(roomId), d -> isCreate(d, "still here"));

      ok(call("POST", "/rooms/" + roomId + "/bans", alice, "{\"username\":\"" + bobName + "\"}"));
      Pause.sleep(500);
      send(roomId, alice, "after the ban");

      assertThat(client.hears(messages(roomId), 2000)).isFalse();
    }
  }

  /**
   * Clients that stop reading. A send that waited for a full socket would hold one of the server's
   * writer threads per such client: with fewer writer threads than this (not the default 128),
   * everyone's deliveries would stop, and this test fails.
   */
  static final int STALLED_CLIENTS = 20;

  /** Messages of about 25 KB each as delivered ({@link Api#BULKY_TEXT}). */
  static final int FLOOD_MESSAGES = 240;

  /** Small messages after the flood: more than a client may have queued ({@code max-queue}). */
  static final int QUEUE_FILLERS = 1_110;

  /** Their senders, each within the test instance's 400 requests a minute (370 each). */
  static final int FILLER_SENDERS = 3;

  /**
   * Clients that stop reading (a phone in a tunnel, a hung tab) leave the server's writes to them
   * unfinished: everyone else must still get every message, in order, and what waits for the
   * stalled clients must stay small (the container holds 512 KiB per connection, CometD's queue
   * 1,000 messages). Each is sent more than the kernel and the container can buffer for it, then
   * more messages than its queue takes, after which the server drops them.
   */
  @Test
  void keepsDeliveringToOthersWhileSomeSubscribersStopReadingAndDropsThem() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String sender = SharedInstance.newUser("rflood" + suffix);
    String senderId = ok(call("GET", "/user/me", sender, null)).getString("id");
    String roomId = community(sender).getJsonObject("defaultRoom").getString("id");
    List<String> fillers = new ArrayList<>();
    for (int i = 0; i < FILLER_SENDERS; i++) {
      fillers.add(SharedInstance.newUser("rfill" + i + suffix));
      join(roomId, fillers.get(i));
    }
    List<BayeuxClient> stalled = new ArrayList<>();
    try (var reader = BayeuxClient.websocket(gitter.bayeux())) {
      for (int i = 0; i < STALLED_CLIENTS; i++) {
        var client = BayeuxClient.stalling(gitter.bayeux());
        stalled.add(client);
        assertThat(client.handshake(sender).getBoolean("successful")).isTrue();
        assertThat(client.subscribe(messages(roomId), JsonValue.FALSE).getBoolean("successful"))
            .isTrue();
      }
      reader.handshake(carol);
      reader.subscribe(messages(roomId), JsonValue.FALSE);
      List<Long> readBeforeStalling = stalled.stream().map(BayeuxClient::stopReading).toList();
      long stalledAt = System.nanoTime();
      assertThat(isOnline(roomId, senderId)).as("connected by the stalled clients").isTrue();

      for (int i = 0; i < FLOOD_MESSAGES; i++) {
        send(roomId, sender, "flood " + i + " " + Api.BULKY_TEXT);
      }
      long delivered = 0;
      for (int i = 0; i < FLOOD_MESSAGES; i++) {
        JsonObject data = nextCreate(reader, roomId);
        assertThat(data.getJsonObject("model").getString("text")).startsWith("flood " + i + " ");
        delivered += data.toString().length();
      }
      assertThat(delivered)
          .as("the flood outgrew what the kernel holds for a client that does not read")
          .isGreaterThan(kernelBuffers() + CONTAINER_BOUND);
      for (int i = 0; i < STALLED_CLIENTS; i++) {
        assertThat(stalled.get(i).received() - readBeforeStalling.get(i))
            .as("what a stalled client took off its socket after it stopped reading")
            .isLessThan(delivered / 4);
      }

      for (int i = 0; i < QUEUE_FILLERS; i++) {
        send(roomId, fillers.get(i % FILLER_SENDERS), "filler " + i);
      }
      for (int i = 0; i < QUEUE_FILLERS; i++) {
        assertThat(nextCreate(reader, roomId).getJsonObject("model").getString("text"))
            .isEqualTo("filler " + i);
      }
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(250))
          .alias("the stalled clients dropped once their queues were full")
          .until(() -> !isOnline(roomId, senderId));
      assertThat(Duration.ofNanos(System.nanoTime() - stalledAt))
          .as("dropped for their queues, not expired for missing /meta/connect (after 120 s)")
          .isLessThan(Duration.ofSeconds(100));
      assertThat(call("GET", "/user/me", carol, null).statusCode()).isEqualTo(200);
    } finally {
      stalled.forEach(BayeuxClient::abort);
    }
    // the server still fans out to new subscribers
    try (var next = BayeuxClient.websocket(gitter.bayeux())) {
      next.handshake(carol);
      next.subscribe(messages(roomId), JsonValue.FALSE);
      send(roomId, sender, "after the flood");
      assertThat(next.await(messages(roomId), d -> isCreate(d, "after the flood"))).isNotNull();
    }
  }

  static JsonObject nextCreate(BayeuxClient client, String roomId) {
    return client
        .await(messages(roomId), d -> "create".equals(d.getString("operation", "")))
        .getJsonObject("data");
  }

  /** Whether the room's people list shows {@code userId} online. */
  static boolean isOnline(String roomId, String userId) {
    return Api.okArray(call("GET", "/rooms/" + roomId + "/users", carol, null)).stream()
        .map(JsonValue::asJsonObject)
        .filter(u -> u.getString("id").equals(userId))
        .anyMatch(u -> u.getBoolean("online", false));
  }

  /** What the container holds for one connection: four times its 128 KiB send buffer setting. */
  static final long CONTAINER_BOUND = 4 * 131_072;

  /**
   * Bytes the kernel can take from a writer before a client that does not read blocks it: the
   * largest send buffer it grows a socket to (Linux, {@code tcp_wmem}), and the client's small
   * receive buffer, doubled as the kernel does.
   */
  static long kernelBuffers() {
    long sendBuffer = 4L << 20;
    try {
      String[] wmem =
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/net/ipv4/tcp_wmem"))
              .trim()
              .split("\\s+");
      sendBuffer = Long.parseLong(wmem[wmem.length - 1]);
    } catch (java.io.IOException | RuntimeException notLinux) {
      // the Linux default
    }
    return sendBuffer + 2L * 4096;
  }

  @Test
  void fansOutToSubscribersOfEveryRealtimeInstance() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    GitterRun second = SharedInstance.second();
    try (var here = BayeuxClient.websocket(gitter.bayeux());
        var there = BayeuxClient.longPolling(second.bayeux())) {
      here.handshake(bob);
      there.handshake(carol);
      here.subscribe(messages(roomId), JsonValue.FALSE);
      there.subscribe(messages(roomId), JsonValue.FALSE);

      send(roomId, alice, "to everyone");

      assertThat(here.await(messages(roomId), d -> isCreate(d, "to everyone"))).isNotNull();
      assertThat(there.await(messages(roomId), d -> isCreate(d, "to everyone"))).isNotNull();
    }
  }

  /**
   * A realtime instance that takes no more websockets (here at its configured two; by default when
   * its open files near the process's limit, so that its stores' connections still find files)
   * answers one more upgrade with 503 and closes it, before the container upgrades it. Faye's
   * clients then long-poll, which still works; a websocket is taken again once one closes. The run
   * of refusals is logged when it starts, not once per refusal (and as over at the first websocket
   * taken ten seconds or more after the last refusal: TroubleTest).
   */
  @Test
  void anInstanceAtItsSocketLimitRefusesUpgradesWith503AndStillServesLongPolling()
      throws Exception {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    var settings = new java.util.HashMap<>(SharedInstance.environment());
    settings.put("GITTER_WS_MAX_SOCKETS", "2");
    try (var realtime = Launcher.start("socket-limit", settings, "--role", "ws")) {
      URI bayeux = realtime.uri("/bayeux");
      try (var first = BayeuxClient.websocket(bayeux);
          var second = BayeuxClient.websocket(bayeux)) {
        first.handshake(bob);
        second.handshake(carol);

        for (int i = 0; i < 3; i++) {
          var refused = upgrade(bayeux).orElseThrow(() -> new AssertionError("taken"));
          assertThat(refused.statusCode()).isEqualTo(503);
          assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
          assertThat(String.valueOf(refused.body())).contains("takes no more websockets");
        }

        try (var polling = BayeuxClient.longPolling(bayeux)) {
          polling.handshake(alice);
          polling.subscribe(messages(roomId), JsonValue.FALSE);
          second.subscribe(messages(roomId), JsonValue.FALSE);
          send(roomId, alice, "while full");
          assertThat(polling.await(messages(roomId), d -> isCreate(d, "while full"))).isNotNull();
          assertThat(second.await(messages(roomId), d -> isCreate(d, "while full"))).isNotNull();
        }

        first.close(); // closed again, harmlessly, with the others
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> upgrade(bayeux).isEmpty());
      }
      Path log = Launcher.WORK.resolve("shared-data/logs/payara-ws-" + realtime.port + ".log");
      String lines = Files.readString(log);
      assertThat(lines.split("Refusing new websockets: 2 websockets open", -1))
          .as("one warning for the run of refusals")
          .hasSize(2);
    }
  }

  /**
   * An instance short of files (here: keeping more in reserve than the process may open) takes no
   * new client of any transport: a websocket upgrade, a long-polling handshake and a
   * callback-polling one are each answered 503, so that its stores' connections still find files.
   * It stays ready, a malformed request gets its usual answer, and each run of refusals is logged
   * once.
   */
  @Test
  void anInstanceShortOfFilesRefusesNewClientsOfEveryTransportWith503() throws Exception {
    var settings = new java.util.HashMap<>(SharedInstance.environment());
    settings.put("GITTER_WS_FILE_RESERVE", "1000000000");
    try (var realtime = Launcher.start("files-short", settings, "--role", "ws")) {
      var refused = upgrade(realtime.uri("/bayeux")).orElseThrow(() -> new AssertionError("taken"));
      assertThat(refused.statusCode()).isEqualTo(503);

      String handshake =
          "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
              + "\"supportedConnectionTypes\":[\"long-polling\",\"callback-polling\"]}]";
      HttpResponse<String> polling = Http.postJson(realtime.uri("/bayeux"), handshake);
      assertThat(polling.statusCode()).isEqualTo(503);
      assertThat(polling.headers().firstValue("Retry-After")).hasValue("10");
      JsonObject reply = Http.json(polling.body()).asJsonArray().getJsonObject(0);
      assertThat(reply.getBoolean("successful")).isFalse();
      assertThat(reply.getString("error")).startsWith("503::");

      String query =
          "?jsonp=__jsonp1__&message="
              + java.net.URLEncoder.encode(handshake, java.nio.charset.StandardCharsets.UTF_8);
      assertThat(Http.get(realtime.uri("/bayeux" + query)).statusCode()).isEqualTo(503);

      assertThat(closedAfterAnswering(realtime.uri("/bayeux"), handshake))
          .as("the refused client's connection is closed, holding no file while it waits")
          .startsWith("HTTP/1.1 503");

      // a client already here is not asked: its connect reaches CometD (which knows no such client)
      HttpResponse<String> connect =
          Http.postJson(
              realtime.uri("/bayeux"),
              "[{\"channel\":\"/meta/connect\",\"clientId\":\"gone\","
                  + "\"connectionType\":\"long-polling\"}]");
      assertThat(connect.statusCode()).isEqualTo(200);
      assertThat(Http.json(connect.body()).asJsonArray().getJsonObject(0).getString("error"))
          .startsWith("402::");
      assertThat(Http.postJson(realtime.uri("/bayeux"), "[{\"channel\":").statusCode())
          .isEqualTo(400);
      assertThat(Http.get(realtime.uri("/health/ready")).statusCode()).isEqualTo(200);

      Path log = Launcher.WORK.resolve("shared-data/logs/payara-ws-" + realtime.port + ".log");
      String lines = Files.readString(log);
      assertThat(lines)
          .contains("the open-files reserve (gitter.ws.file-reserve) is half the process's limit");
      assertThat(lines.split("Refusing new websockets: \\d+ files open of the process's limit", -1))
          .hasSize(2);
      assertThat(lines.split("Refusing new long-polling clients: \\d+ files open", -1))
          .as("one warning for both refused handshakes")
          .hasSize(2);
    }
  }

  /**
   * An instance at its real open-files limit ({@code GITTER_OPEN_FILES}, far under the machine's)
   * takes websockets until only its reserve of files is left, then answers new ones 503 before the
   * process runs out: a client it holds can still subscribe (an access check against the stores)
   * and hears its room, the instance stays ready, nothing in its log ran out of files, and it takes
   * websockets again once some leave.
   */
  @Test
  void anInstanceAtItsRealOpenFilesLimitKeepsItsReserveForTheStores() throws Exception {
    int openFiles = 1_500;
    int reserve = 300;
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    var settings = new java.util.HashMap<>(SharedInstance.environment());
    settings.put("GITTER_OPEN_FILES", String.valueOf(openFiles));
    settings.put("GITTER_WS_FILE_RESERVE", String.valueOf(reserve));
    try (var realtime = Launcher.start("files-limit", settings, "--role", "ws");
        var listener = BayeuxClient.websocket(realtime.uri("/bayeux"))) {
      listener.handshake(bob);
      URI ws = URI.create(realtime.uri("/bayeux").toString().replaceFirst("^http", "ws"));
      HttpClient http = HttpClient.newHttpClient();
      List<WebSocket> held = new ArrayList<>();
      HttpResponse<?> refused = null;
      try {
        while (refused == null && held.size() < openFiles) {
          try {
            held.add(
                http.newWebSocketBuilder()
                    .buildAsync(ws, new WebSocket.Listener() {})
                    .get(20, TimeUnit.SECONDS));
          } catch (ExecutionException failed) {
            if (!(failed.getCause() instanceof WebSocketHandshakeException handshake)) {
              throw failed;
            }
            refused = handshake.getResponse();
          }
        }
        assertThat(refused).as("an upgrade refused before the files ran out").isNotNull();
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(held).as("websockets taken under the limit").hasSizeGreaterThan(100);

        listener.subscribe(messages(roomId), JsonValue.FALSE);
        send(roomId, alice, "at the open-files limit");
        assertThat(listener.await(messages(roomId), d -> isCreate(d, "at the open-files limit")))
            .isNotNull();
        assertThat(Http.get(realtime.uri("/health/ready")).statusCode()).isEqualTo(200);
      } finally {
        held.forEach(WebSocket::abort);
      }
      Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> upgrade(realtime.uri("/bayeux")).isEmpty());

      Path log = Launcher.WORK.resolve("shared-data/logs/payara-ws-" + realtime.port + ".log");
      assertThat(Files.readString(log))
          .contains(
              "new ones refused once "
                  + reserve
                  + " of the process's "
                  + openFiles
                  + " open files are left")
          .containsPattern(
              "Refusing new websockets: \\d+ files open of the process's limit of " + openFiles)
          .doesNotContain("Too many open files");
    }
  }

  /**
   * POSTs {@code json} over a keep-alive connection of its own and reads until the server closes
   * it; the whole answer. Fails if the server keeps the connection open for 10 s.
   */
  static String closedAfterAnswering(URI uri, String json) throws Exception {
    byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (var socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      String head =
          "POST "
              + uri.getRawPath()
              + " HTTP/1.1\r\nHost: "
              + uri.getHost()
              + ":"
              + uri.getPort()
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + body.length
              + "\r\nConnection: keep-alive\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().write(body);
      socket.getOutputStream().flush();
      return new String(
          socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /**
   * A websocket upgrade of {@code bayeux}, the socket closed at once if it opened: empty then, else
   * the refusal.
   */
  static Optional<HttpResponse<?>> upgrade(URI bayeux) throws Exception {
    URI uri = URI.create(bayeux.toString().replaceFirst("^http", "ws"));
    try {
      HttpClient.newHttpClient()
          .newWebSocketBuilder()
          .buildAsync(uri, new WebSocket.Listener() {})
          .get(20, TimeUnit.SECONDS)
          .abort();
      return Optional.empty();
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof WebSocketHandshakeException refused) {
        return Optional.of(refused.getResponse());
      }
      throw failed;
    }
  }

  @Test
  void announcesWhoIsInTheRoomAndWhoIsOnline() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    join(roomId, bob);
    String room = "/api/v1/rooms/" + roomId;
    try (var watcher = BayeuxClient.longPolling(gitter.bayeux());
        var visitor = BayeuxClient.websocket(gitter.bayeux())) {
      comesInOnline(gitter, roomId, watcher, alice, visitor, bob, bobId);
      Api.assertError(
          call(
              "POST", "/eyeballs", alice, "{\"socketId\":\"" + visitor.clientId() + "\",\"on\":0}"),
          400,
          "Unknown socket");

      ok(call("POST", "/eyeballs", bob, "{\"socketId\":\"" + visitor.clientId() + "\",\"on\":0}"));
      watcher.await(room, d -> isPresence(d, bobId, "out"));
      ok(call("POST", "/eyeballs", bob, "{\"socketId\":\"" + visitor.clientId() + "\",\"on\":1}"));
      watcher.await(room, d -> isPresence(d, bobId, "in"));

      visitor.close();
      watcher.await(room, d -> isPresence(d, bobId, "out"));
      assertThat(Api.okArray(call("GET", "/rooms/" + roomId + "/users", alice, null)))
          .filteredOn(u -> u.asJsonObject().getString("id").equals(bobId))
          .noneMatch(u -> u.asJsonObject().getBoolean("online", false));
    }
  }

  /**
   * The watcher follows the room, the visitor looks at it: the watcher hears the visitor come in,
   * and the room's people list shows them online.
   */
  static void comesInOnline(
      GitterRun gitter,
      String roomId,
      BayeuxClient watcher,
      String watcherToken,
      BayeuxClient visitor,
      String visitorToken,
      String visitorId) {
    String room = "/api/v1/rooms/" + roomId;
    watcher.handshake(watcherToken);
    watcher.subscribe(room, JsonValue.FALSE);
    visitor.handshake(visitorToken);
    visitor.subscribe(messages(roomId), JsonValue.FALSE);

    watcher.await(room, d -> isPresence(d, visitorId, "in"));
    assertThat(
            Api.okArray(Api.call(gitter, "GET", "/rooms/" + roomId + "/users", watcherToken, null)))
        .filteredOn(u -> u.asJsonObject().getString("id").equals(visitorId))
        .allMatch(u -> u.asJsonObject().getBoolean("online", false));
  }

  static boolean isPresence(JsonObject data, String userId, String status) {
    return "presence".equals(data.getString("notification", ""))
        && userId.equals(data.getString("userId", ""))
        && status.equals(data.getString("status", ""));
  }
}
