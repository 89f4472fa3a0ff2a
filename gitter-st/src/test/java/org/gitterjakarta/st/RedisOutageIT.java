package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.gitterjakarta.testsupport.Pause;
import org.gitterjakarta.testsupport.bayeux.BayeuxClient;
import org.gitterjakarta.testsupport.http.Http;
import org.gitterjakarta.testsupport.launcher.GitterRun;
import org.gitterjakarta.testsupport.launcher.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis restarted for three seconds under a steady stream of sends, against an instance of its own
 * (its Redis keeps an append-only file, as the persist role does in production). MongoDB is the
 * system of record, so the outage may cost liveness but no send: every send is acknowledged (none
 * answers 500, or even 503) and stored, the unread items that waited in the outbox arrive,
 * readiness comes back, and live delivery resumes.
 */
class RedisOutageIT {

  static final int SENDERS = 3;
  static final int SENDS_EACH = 50;

  static Path redisDir;
  static int redisPort;
  static Process redis;
  static GitterRun gitter;
  static Map<String, String> environment;

  @BeforeAll
  static void instanceWithItsOwnRedis() throws Exception {
    redisDir = Files.createTempDirectory("outage-redis");
    redisPort = Ports.free();
    startRedis();
    environment = new HashMap<>(SharedInstance.environment());
    environment.put("GITTER_REDIS_URI", "redis://127.0.0.1:" + redisPort);
    environment.put("GITTER_DATA_DIR", Launcher.WORK.resolve("outage-data").toString());
    gitter = Launcher.start("redis-outage", environment, "--role", "all");
  }

  @AfterAll
  static void stop() {
    if (gitter != null) {
      gitter.close();
    }
    if (redis != null) {
      redis.destroy();
    }
  }

  @Test
  void aRedisRestartUnderLoadLosesNoSendAndShowsNo500() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String alice = Launcher.userAdd(environment, "outalice" + suffix);
    String bob = Launcher.userAdd(environment, "outbob" + suffix);
    String bobId = Http.array(call("GET", "/user", bob, null)).getJsonObject(0).getString("id");
    String roomId =
        Http.object(
                call(
                    "POST",
                    "/groups",
                    alice,
                    "{\"uri\":\"out" + suffix + "\",\"name\":\"Outage\"}"))
            .getJsonObject("defaultRoom")
            .getString("id");
    assertThat(call("POST", "/user/me/rooms", bob, "{\"id\":\"" + roomId + "\"}").statusCode())
        .isEqualTo(200);

    List<Integer> statuses = new CopyOnWriteArrayList<>();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    for (int s = 0; s < SENDERS; s++) {
      int sender = s;
      senders.submit(
          () -> {
            for (int i = 0; i < SENDS_EACH; i++) {
              String text = "steady " + sender + "-" + i;
              var sent =
                  call(
                      "POST",
                      "/rooms/" + roomId + "/chatMessages",
                      alice,
                      "{\"text\":" + Json.createValue(text) + "}");
              statuses.add(sent.statusCode());
              if (sent.statusCode() == 200) {
                acknowledged.add(Http.object(sent).getString("id"));
              }
              Pause.sleep(40);
            }
            return null;
          });
    }
    Pause.sleep(1500);
    redis.destroy();
    redis.waitFor(10, TimeUnit.SECONDS);
    boolean liveEventsReportedDown =
        Recovery.readinessSeenDown(gitter, Duration.ofSeconds(3), "live-events"::equals);
    startRedis();
    senders.shutdown();
    assertThat(senders.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

    // nothing on the send path needs Redis any more: every send is acknowledged
    assertThat(statuses).hasSize(SENDERS * SENDS_EACH).containsOnly(200);
    Recovery.awaitReady(gitter, Duration.ofSeconds(30));
    assertThat(liveEventsReportedDown)
        .as("readiness says so while the live subscription is down")
        .isTrue();
    assertThat(Recovery.storedIds(gitter, roomId, alice)).containsAll(acknowledged);
    // Gitter keeps a person's newest 100 unread items per room
    int expectedUnread = Math.min(acknowledged.size(), 100);
    assertThat(awaitUnread(bob, bobId, roomId, expectedUnread)).isEqualTo(expectedUnread);
    try (var client = BayeuxClient.longPolling(gitter.bayeux())) {
      client.handshake(bob);
      client.subscribe("/api/v1/rooms/" + roomId + "/chatMessages", JsonValue.FALSE);
      assertThat(Recovery.liveDeliveryResumes(gitter, client, roomId, alice)).isTrue();
    }
  }

  /** Bob's unread items once the outbox has caught up (it flushes within seconds). */
  private static int awaitUnread(String bob, String bobId, String roomId, int expected) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    int count;
    do {
      var unread = call("GET", "/user/" + bobId + "/rooms/" + roomId + "/unreadItems", bob, null);
      count = unread.statusCode() == 200 ? Http.object(unread).getJsonArray("chat").size() : -1;
      if (count == expected) {
        return count;
      }
      Pause.sleep(500);
    } while (Instant.now().isBefore(deadline));
    return count;
  }

  private static HttpResponse<String> call(String method, String path, String token, String json) {
    return Api.call(gitter, method, path, token, json);
  }

  /** The persist role's kind of Redis: an append-only file, so a restart keeps the counts. */
  private static void startRedis() throws IOException, InterruptedException {
    redis =
        new ProcessBuilder(
                "redis-server",
                "--port",
                String.valueOf(redisPort),
                "--bind",
                "127.0.0.1",
                "--dir",
                redisDir.toString(),
                "--appendonly",
                "yes",
                "--save",
                "")
            .redirectErrorStream(true)
            .redirectOutput(redisDir.resolve("redis.log").toFile())
            .start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (true) {
      try (var socket = new java.net.Socket("127.0.0.1", redisPort)) {
        return;
      } catch (IOException notYet) {
        assertThat(Instant.now()).as("redis-server up").isBefore(deadline);
        Thread.sleep(50);
      }
    }
  }
}
