package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gitterjakarta.st.Api.ok;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
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
import java.util.concurrent.atomic.AtomicBoolean;
import org.gitterjakarta.testsupport.Pause;
import org.gitterjakarta.testsupport.bayeux.BayeuxClient;
import org.gitterjakarta.testsupport.http.Http;
import org.gitterjakarta.testsupport.launcher.GitterRun;
import org.gitterjakarta.testsupport.redis.RedisProcess;
import org.gitterjakarta.testsupport.redis.SentinelGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An instance whose Redis roles all go through Sentinel (one master, one replica, three sentinels),
 * under a steady stream of sends through two failovers: one asked of the sentinels (the master
 * becomes a replica and refuses writes until the client hears of the switch), then a crash of the
 * new master. Every send is acknowledged or refused with a JSON 503, every acknowledged message is
 * stored, readiness goes down and comes back by itself, and live delivery and unread counting
 * resume.
 */
class RedisSentinelIT {

  static final int SENDERS = 3;

  static SentinelGroup redis;
  static GitterRun gitter;
  static Map<String, String> environment;

  @BeforeAll
  static void instanceBehindSentinels() throws Exception {
    redis = SentinelGroup.start(Files.createTempDirectory("sentinel-redis"));
    environment = new HashMap<>(SharedInstance.environment());
    // the URI only gives credentials (none here): the master is whichever the sentinels name
    environment.put("GITTER_REDIS_URI", "redis://127.0.0.1:6379");
    environment.put("GITTER_REDIS_SENTINELS", redis.sentinels());
    environment.put("GITTER_REDIS_MASTER_NAME", SentinelGroup.MASTER_NAME);
    environment.put("GITTER_DATA_DIR", Launcher.WORK.resolve("sentinel-data").toString());
    gitter = Launcher.start("redis-sentinel", environment, "--role", "all");
  }

  @AfterAll
  static void stop() {
    if (gitter != null) {
      gitter.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void failoversUnderLoadLoseNoAcknowledgedSendAndHealThemselves() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String alice = Launcher.userAdd(environment, "sntalice" + suffix);
    String bob = Launcher.userAdd(environment, "sntbob" + suffix);
    String roomId = Api.community(gitter, alice).getJsonObject("defaultRoom").getString("id");
    Api.join(gitter, roomId, bob);

    List<HttpResponse<String>> refused = new CopyOnWriteArrayList<>();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean sending = new AtomicBoolean(true);
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    for (int s = 0; s < SENDERS; s++) {
      int sender = s;
      senders.submit(
          () -> {
            for (int i = 0; sending.get(); i++) {
              var sent = send(roomId, alice, "steady " + sender + "-" + i);
              if (sent.statusCode() == 200) {
                acknowledged.add(Http.object(sent).getString("id"));
              } else {
                refused.add(sent);
              }
              Pause.sleep(40);
            }
            return null;
          });
    }
    Pause.sleep(1000);

    RedisProcess first = redis.master();
    redis.failover();
    redis.awaitNewMaster(first, Duration.ofSeconds(20));
    Recovery.awaitReady(gitter, Duration.ofSeconds(30));
    int beforeCrash = acknowledged.size();

    RedisProcess second = redis.master();
    second.kill();
    boolean redisReportedDown =
        Recovery.readinessSeenDown(
            gitter, Duration.ofSeconds(2), name -> name.startsWith("redis-"));
    redis.awaitNewMaster(second, Duration.ofSeconds(30));
    Recovery.awaitReady(gitter, Duration.ofSeconds(30));
    Pause.sleep(1000);
    sending.set(false);
    senders.shutdown();
    assertThat(senders.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

    assertThat(refused)
        .as("sends refused during a failover are clean 503s with a JSON error")
        .allSatisfy(
            r -> {
              assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
              assertThat(Http.object(r).getString("error")).isNotBlank();
            });
    assertThat(acknowledged.size()).as("sends went on after the crash").isGreaterThan(beforeCrash);
    assertThat(redisReportedDown).as("readiness says so while the master is gone").isTrue();
    assertThat(Recovery.storedIds(gitter, roomId, alice)).containsAll(acknowledged);
    try (var client = BayeuxClient.longPolling(gitter.bayeux())) {
      client.handshake(bob);
      client.subscribe("/api/v1/rooms/" + roomId + "/chatMessages", JsonValue.FALSE);
      assertThat(Recovery.liveDeliveryResumes(gitter, client, roomId, alice)).isTrue();
    }
    String after = ok(send(roomId, alice, "counted after the failovers")).getString("id");
    assertThat(unreadSoonHas(bob, roomId, after)).as("unread counting resumed").isTrue();
  }

  private static HttpResponse<String> send(String roomId, String token, String text) {
    return Api.call(
        gitter,
        "POST",
        "/rooms/" + roomId + "/chatMessages",
        token,
        "{\"text\":" + Json.createValue(text) + "}");
  }

  /** Unread items are counted after the reply (and wait while Redis is away): polled. */
  private static boolean unreadSoonHas(String token, String roomId, String messageId) {
    for (int attempt = 0; attempt < 40; attempt++) {
      var unread =
          ok(Api.call(gitter, "GET", "/user/me/rooms/" + roomId + "/unreadItems", token, null));
      if (Api.strings(unread.getJsonArray("chat")).contains(messageId)) {
        return true;
      }
      Pause.sleep(250);
    }
    return false;
  }
}
