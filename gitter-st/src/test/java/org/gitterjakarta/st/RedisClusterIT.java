package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gitterjakarta.st.Api.ok;
import static org.gitterjakarta.st.RealtimeIT.isCreate;
import static org.gitterjakarta.st.RealtimeIT.isPresence;
import static org.gitterjakarta.st.RealtimeIT.messages;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gitterjakarta.testsupport.bayeux.BayeuxClient;
import org.gitterjakarta.testsupport.http.Http;
import org.gitterjakarta.testsupport.launcher.GitterRun;
import org.gitterjakarta.testsupport.redis.ClusterNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * An instance whose Redis roles all live on a three-master Redis Cluster: live delivery through
 * cluster-wide pub/sub, unread items and mentions of several people (their keys in different
 * slots), presence, and the API rate limit, with the data spread over the nodes.
 */
class RedisClusterIT {

  static ClusterNodes cluster;
  static GitterRun gitter;
  static Map<String, String> environment;
  static String alice;
  static String bob;
  static String carol;
  static String bobId;
  static String bobName;
  static String carolName;

  @BeforeAll
  static void instanceOnACluster() throws Exception {
    cluster = ClusterNodes.start(Files.createTempDirectory("cluster-redis"), 3);
    environment = new HashMap<>(SharedInstance.environment());
    environment.put("GITTER_REDIS_URI", "redis://" + cluster.nodes().get(0).address());
    environment.put("GITTER_REDIS_CLUSTER", cluster.addresses());
    environment.put("GITTER_DATA_DIR", Launcher.WORK.resolve("cluster-data").toString());
    environment.put("GITTER_WARM_UP", "true"); // its unread work is cut per slot on a Cluster
    gitter = Launcher.start("redis-cluster", environment, "--role", "all");
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    alice = Launcher.userAdd(environment, "clalice" + suffix);
    bobName = "clbob" + suffix;
    bob = Launcher.userAdd(environment, bobName);
    carolName = "clcarol" + suffix;
    carol = Launcher.userAdd(environment, carolName);
    bobId = ok(call("GET", "/user/me", bob, null)).getString("id");
  }

  @AfterAll
  static void stop() {
    if (gitter != null) {
      gitter.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  /**
   * The warm-up before readiness runs a big room's unread work on the Cluster (1,000 made-up
   * people's keys in many slots) and takes it all back: no node keeps a key of theirs.
   */
  @Test
  void warmsUpTheUnreadWorkOnTheClusterAndLeavesNoKey() throws Exception {
    StringBuilder logs = new StringBuilder();
    try (var files = Files.list(Launcher.WORK.resolve("cluster-data/logs"))) {
      for (var log : files.filter(f -> f.getFileName().toString().startsWith("payara-")).toList()) {
        logs.append(Files.readString(log));
      }
    }
    assertThat(logs.toString())
        .contains("A big room's unread work warmed up: 29970 items in")
        .doesNotContain("Unread warm-up failed");
    for (var node : cluster.nodes()) {
      try (var redis = new Jedis("127.0.0.1", node.port)) {
        assertThat(redis.keys("*warm-up:*")).as("keys left on " + node.address()).isEmpty();
      }
    }
  }

  @Test
  void deliversLiveAndCountsUnreadItemsAndMentionsPerPerson() {
    String roomId = room();
    try (var client = BayeuxClient.websocket(gitter.bayeux())) {
      client.handshake(bob);
      client.subscribe(messages(roomId), JsonValue.FALSE);

      String first = send(roomId, "one @" + bobName).getString("id");
      String second = send(roomId, "two @" + carolName).getString("id");

      assertThat(client.await(messages(roomId), d -> isCreate(d, "one @" + bobName))).isNotNull();
      assertThat(client.await(messages(roomId), d -> isCreate(d, "two @" + carolName))).isNotNull();
      JsonObject bobs = unread(bob, roomId);
      assertThat(Api.strings(bobs.getJsonArray("chat"))).containsExactly(first, second);
      assertThat(Api.strings(bobs.getJsonArray("mention"))).containsExactly(first);
      assertThat(Api.strings(unread(carol, roomId).getJsonArray("mention")))
          .containsExactly(second);

      ok(call("POST", unreadPath(roomId), bob, "{\"chat\":[\"" + first + "\"]}"));
      JsonObject read = ok(call("GET", "/rooms/" + roomId, bob, null));
      assertThat(read.getInt("unreadItems")).isEqualTo(1);
      assertThat(read.getInt("mentions")).isZero();
      assertThat(ok(call("GET", "/rooms/" + roomId, carol, null)).getInt("mentions")).isEqualTo(1);
    }
  }

  @Test
  void tracksWhoIsInTheRoom() {
    String roomId = room();
    String room = "/api/v1/rooms/" + roomId;
    try (var watcher = BayeuxClient.longPolling(gitter.bayeux());
        var visitor = BayeuxClient.websocket(gitter.bayeux())) {
      RealtimeIT.comesInOnline(gitter, roomId, watcher, alice, visitor, bob, bobId);

      visitor.close();
      watcher.await(room, d -> isPresence(d, bobId, "out"));
    }
  }

  @Test
  void countsTheRateLimitAcrossCalls() {
    HttpResponse<String> first = call("GET", "/user", carol, null);
    HttpResponse<String> second = call("GET", "/user", carol, null);

    long before = remaining(first);
    assertThat(remaining(second)).isEqualTo(before - 1);
    assertThat(Http.get(gitter.uri("/health/ready")).statusCode())
        .as("no Redis check is down: the counts are the cluster's, not a local fallback")
        .isEqualTo(200);
  }

  @Test
  void spreadsTheDataOverTheNodes() {
    send(room(), "some data");

    List<Long> keysPerNode =
        cluster.nodes().stream().map(node -> Long.parseLong(node.cli("DBSIZE"))).toList();
    assertThat(keysPerNode).filteredOn(n -> n > 0).hasSizeGreaterThanOrEqualTo(2);
  }

  /** A new room of alice's that bob and carol joined. */
  private static String room() {
    String roomId = Api.community(gitter, alice).getJsonObject("defaultRoom").getString("id");
    Api.join(gitter, roomId, bob);
    Api.join(gitter, roomId, carol);
    return roomId;
  }

  private static JsonObject send(String roomId, String text) {
    return Api.send(gitter, roomId, alice, text);
  }

  private static JsonObject unread(String token, String roomId) {
    return ok(call("GET", unreadPath(roomId), token, null));
  }

  private static String unreadPath(String roomId) {
    return "/user/me/rooms/" + roomId + "/unreadItems";
  }

  private static long remaining(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return Long.parseLong(response.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
  }

  private static HttpResponse<String> call(String method, String path, String token, String json) {
    return Api.call(gitter, method, path, token, json);
  }
}
