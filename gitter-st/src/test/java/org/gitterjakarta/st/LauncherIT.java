package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClients;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.gitterjakarta.testsupport.http.Http;
import org.gitterjakarta.testsupport.launcher.Ports;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * {@code ./gitter run} with no store given: it starts Redis and the embedded MongoDB wire server
 * itself, keeps their data under the data folder across restarts, and leaves no process behind when
 * stopped; {@code ./gitter stores} runs them apart from the instances. And it never runs a build
 * older than its sources.
 */
class LauncherIT {

  /** The ws WAR's smallest source: touching it rebuilds one small module. */
  static final Path WS_SOURCE =
      Path.of("gitter-ws-war/src/main/java/org/gitterjakarta/ws/bayeux/package-info.java");

  static final Path WS_WAR = Path.of("gitter-ws-war/target/gitter-ws.war");

  @Test
  void rebuildsAWarOlderThanItsSourcesBeforeRunningIt() throws Exception {
    Path war = Launcher.ROOT.resolve(WS_WAR);
    FileTime built = Files.getLastModifiedTime(war);
    // as an edit or a git pull leaves it: newer than the WAR built from it
    Files.setLastModifiedTime(Launcher.ROOT.resolve(WS_SOURCE), FileTime.from(Instant.now()));

    try (var gitter =
        Launcher.start("launcher-rebuild", SharedInstance.environment(), "--role", "ws")) {
      assertThat(Files.readString(gitter.log()))
          .contains("rebuilding gitter-ws-war (" + WS_SOURCE + " is newer than gitter-ws.war)");
      assertThat(Files.getLastModifiedTime(war)).isGreaterThan(built);
      assertThat(Http.get(gitter.uri("/health/ready")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void keepsDataAcrossRestartsAndStopsEverythingItStarted() throws Exception {
    var environment = storesOnFreePorts("launcher-data-");
    int mongoPort = Integer.parseInt(environment.get("GITTER_MONGO_PORT"));
    int redisPort = Integer.parseInt(environment.get("GITTER_REDIS_PORT"));
    String marker = "restart-" + System.nanoTime();

    List<ProcessHandle> started;
    String token;
    try (var gitter = Launcher.start("launcher-first", environment, "--role", "api")) {
      assertThat(Http.get(gitter.uri("/api/v1/user")).statusCode()).isEqualTo(401);
      started = gitter.handle().descendants().toList();
      write(mongoPort, redisPort, marker);
      token = Launcher.userAdd(environment, "launcher" + mongoPort, "--password", "password1");
      assertThat(Http.get(gitter.uri("/api/v1/user"), "x-access-token", token).statusCode())
          .isEqualTo(200);
    }

    assertThat(started).as("Payara, Redis and Mongo were started").hasSizeGreaterThanOrEqualTo(3);
    assertThat(started).noneMatch(ProcessHandle::isAlive);
    assertThat(listening(mongoPort)).isFalse();
    assertThat(listening(redisPort)).isFalse();

    var warmingUp = new java.util.HashMap<>(environment);
    warmingUp.put("GITTER_WARM_UP", "true"); // as in production: with an account to warm up for
    try (var gitter = Launcher.start("launcher-second", warmingUp, "--role", "api")) {
      try (var mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
        var probes = mongo.getDatabase("gitter_test").getCollection("st_probes");
        assertThat(probes.find(new Document("_id", marker)).first()).isNotNull();
      }
      try (var redis = new Jedis("127.0.0.1", redisPort)) {
        assertThat(redis.get("st:probe")).isEqualTo(marker);
      }
      var user = Http.get(gitter.uri("/api/v1/user"), "x-access-token", token);
      assertThat(user.statusCode()).as("the account and its token survive").isEqualTo(200);
      assertThat(Http.array(user).getJsonObject(0).getString("username"))
          .isEqualTo("launcher" + mongoPort);
      assertWarmedTheSendMethodAndLeftNothing(environment, gitter.port, redisPort, mongoPort);
    }
  }

  /**
   * {@code ./gitter stores} alone: an instance given their URIs uses them and stops without them,
   * as a production instance restarts beside its MongoDB and Redis (the bench's fresh instance);
   * SIGTERM then stops both stores.
   */
  @Test
  void runsTheStoresApartFromTheInstancesThatUseThem() throws Exception {
    var environment = storesOnFreePorts("launcher-stores-");
    int mongoPort = Integer.parseInt(environment.get("GITTER_MONGO_PORT"));
    int redisPort = Integer.parseInt(environment.get("GITTER_REDIS_PORT"));
    String marker = "stores-" + System.nanoTime();
    List<ProcessHandle> stores;
    try (var running =
        Launcher.SCRIPT.stores(Launcher.WORK.resolve("launcher-stores.log"), environment)) {
      stores = running.handle().descendants().toList();
      assertThat(stores.stream().map(LauncherIT::commandLine))
          .as("Redis and the wire server")
          .anyMatch(command -> command.contains("redis-server"))
          .anyMatch(command -> command.contains("gitter-mongo-server"));
      write(mongoPort, redisPort, marker);
      assertThatThrownBy(() -> Launcher.SCRIPT.call(Duration.ofMinutes(2), environment, "stores"))
          .as("a second ./gitter stores on the same ports")
          .hasMessageContaining("a store was running already");
      var given = running.environmentFor(environment);
      String token = Launcher.userAdd(given, "stores" + mongoPort, "--password", "password1");
      try (var gitter = Launcher.start("launcher-given-stores", given, "--role", "api")) {
        assertThat(Files.readString(gitter.log()))
            .contains("Redis: redis://127.0.0.1:" + redisPort + " (given)")
            .contains("MongoDB: mongodb://127.0.0.1:" + mongoPort + " (given)");
        assertThat(gitter.handle().descendants().map(LauncherIT::commandLine))
            .as("the instance's launcher started no store of its own")
            .noneMatch(command -> command.contains("redis-server"))
            .noneMatch(command -> command.contains("gitter-mongo-server"));
        var user = Http.get(gitter.uri("/api/v1/user"), "x-access-token", token);
        assertThat(user.statusCode()).as("the account in the given stores").isEqualTo(200);
      }
      assertThat(listening(mongoPort)).as("the wire server outlives the instance").isTrue();
      assertThat(listening(redisPort)).as("Redis outlives the instance").isTrue();
      try (var redis = new Jedis("127.0.0.1", redisPort)) {
        assertThat(redis.get("st:probe")).isEqualTo(marker);
      }
    }
    assertThat(stores).noneMatch(ProcessHandle::isAlive);
    assertThat(listening(mongoPort)).isFalse();
    assertThat(listening(redisPort)).isFalse();
  }

  /**
   * With an account in the store, the restarted instance called its own send method before it was
   * ready, for a room that exists nowhere; its transient token and the requests' rate-limit window
   * are gone, and nothing was stored.
   */
  private static void assertWarmedTheSendMethodAndLeftNothing(
      Map<String, String> environment, int port, int redisPort, int mongoPort)
      throws java.io.IOException {
    Path log = Path.of(environment.get("GITTER_DATA_DIR"), "logs", "payara-api-" + port + ".log");
    assertThat(Files.readString(log))
        .contains(
            "Send method warmed up over HTTP: 5 requests for a room that exists nowhere,"
                + " answered [404, 404, 404, 404, 404]")
        .doesNotContain("Send method warm-up failed");
    try (var redis = new Jedis("127.0.0.1", redisPort)) {
      assertThat(redis.keys("rate:*")).noneMatch(key -> key.endsWith(":warm-up"));
      assertThat(redis.keys("token:t:*"))
          .extracting(redis::get)
          .as("cached tokens' callers")
          .noneMatch(caller -> caller != null && caller.endsWith(":warm-up"));
    }
    try (var mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
      var db = mongo.getDatabase("gitter_test");
      assertThat(db.getCollection("chatmessages").countDocuments()).isZero();
      assertThat(db.getCollection("troupes").countDocuments()).isZero();
    }
  }

  /** Stores of its own: free ports, a new data directory named after the wire server's port. */
  private static Map<String, String> storesOnFreePorts(String dataDirPrefix) {
    int mongoPort = Ports.free();
    return Map.of(
        "GITTER_ENV", "test",
        "GITTER_MONGO_PORT", String.valueOf(mongoPort),
        "GITTER_REDIS_PORT", String.valueOf(Ports.free()),
        "GITTER_DATA_DIR", Launcher.WORK.resolve(dataDirPrefix + mongoPort).toString());
  }

  private static void write(int mongoPort, int redisPort, String marker) {
    try (var mongo = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
      mongo
          .getDatabase("gitter_test")
          .getCollection("st_probes")
          .insertOne(new Document("_id", marker));
    }
    try (var redis = new Jedis("127.0.0.1", redisPort)) {
      redis.set("st:probe", marker);
    }
  }

  /** As ps shows it: redis-server rewrites its title. */
  private static String commandLine(ProcessHandle process) {
    try {
      return Files.readString(Path.of("/proc/" + process.pid() + "/cmdline")).replace('\0', ' ');
    } catch (java.io.IOException gone) {
      return "";
    }
  }

  private static boolean listening(int port) {
    try (var socket = new Socket("127.0.0.1", port)) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
