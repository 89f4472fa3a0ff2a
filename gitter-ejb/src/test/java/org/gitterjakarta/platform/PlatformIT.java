package org.gitterjakarta.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.gitterjakarta.redis.control.Redis;
import org.gitterjakarta.redis.control.RedisRole;
import org.gitterjakarta.testing.TestDeployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.UnifiedJedis;

/**
 * The platform every feature stands on, in a real Payara Micro: the Mongo and Redis producers
 * against the real stores, configuration layering, and readiness that follows a store going away.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

  /** The nonpersist role points here, in this deployment only (see {@link #deployment}). */
  static final int FLAKY_REDIS_PORT = Integer.getInteger("test.redis.flaky.port", 6391);

  @Deployment
  static WebArchive deployment() {
    // a library's config file above the app's defaults; an environment variable would reach the
    // other test classes' servers too, whose nonpersist role must stay up
    var flaky =
        ShrinkWrap.create(JavaArchive.class, "flaky-nonpersist.jar")
            .addAsManifestResource(
                new StringAsset(
                    "config_ordinal=200\n"
                        + "gitter.redis.nonpersist.uri=redis://127.0.0.1:"
                        + FLAKY_REDIS_PORT
                        + "\n"),
                "microprofile-config.properties");
    return TestDeployments.war("platform", "health", "events")
        .addClasses(Probe.class)
        .addAsLibrary(flaky);
  }

  @Inject DocumentTemplate documents;
  @Inject MongoDatabase database;
  @Inject Config config;

  @Inject
  @Redis(RedisRole.PERSIST)
  UnifiedJedis persist;

  @Inject
  @Redis(RedisRole.PUBSUB)
  UnifiedJedis pubsub;

  @Test
  void storesEntitiesThroughJnosqlAndReadsThemWithTheDriver() {
    String id = new ObjectId().toHexString();

    documents.insert(new Probe(id, "hello", 1));
    documents.update(new Probe(id, "hello again", 2));

    assertThat(documents.find(Probe.class, id)).contains(new Probe(id, "hello again", 2));
    Document stored = database.getCollection("platform_probes").find(Filters.eq("_id", id)).first();
    assertThat(stored).isNotNull();
    assertThat(stored.getString("label")).isEqualTo("hello again");
    assertThat(database.getName()).isEqualTo("gitter_it");
  }

  @Test
  void roundTripsThroughEveryReachableRedisRole() {
    String key = "it:platform:" + UUID.randomUUID();
    for (UnifiedJedis redis : new UnifiedJedis[] {persist, pubsub}) {
      redis.setex(key, 30, "v");
      assertThat(redis.get(key)).isEqualTo("v");
      assertThat(redis.del(key)).isEqualTo(1);
    }
  }

  @Test
  void layersDefaultsSystemPropertiesAndEnvironmentVariables() {
    String redisUri = System.getProperty("gitter.redis.uri");

    assertThat(config.getValue("gitter.redis.persist.uri", String.class))
        .as("role URIs default to the shared URI, here set with -D")
        .isEqualTo(redisUri);
    ConfigValue pubsubUri = config.getConfigValue("gitter.redis.pubsub.uri");
    assertThat(pubsubUri.getSourceOrdinal())
        .as("GITTER_REDIS_PUBSUB_URI overrides the default")
        .isEqualTo(300);
    assertThat(pubsubUri.getValue()).isEqualTo(System.getenv("GITTER_REDIS_PUBSUB_URI"));
    assertThat(config.getValue("gitter.redis.nonpersist.uri", String.class))
        .as("a deployment's own config file overrides the app's defaults")
        .isEqualTo("redis://127.0.0.1:" + FLAKY_REDIS_PORT);
    assertThat(config.getValue("jnosql.document.database", String.class)).isEqualTo("gitter_it");
    assertThat(config.getValue("gitter.redis.timeout-ms", Integer.class)).isEqualTo(2000);
  }

  @Test
  @RunAsClient
  void readinessNamesTheRedisRoleThatIsDownAndRecoversWithoutRestart(@ArquillianResource URL base)
      throws Exception {
    URI ready = onLoopback(base).resolve("/health/ready");
    try (var redis = new TestRedis(FLAKY_REDIS_PORT)) {
      redis.start();
      JsonObject up = awaitHealth(ready, 200);
      assertThat(status(up, "mongo")).isEqualTo("UP");
      assertThat(status(up, "redis-persist")).isEqualTo("UP");
      assertThat(status(up, "redis-nonpersist")).isEqualTo("UP");

      redis.stop();
      JsonObject down = awaitHealth(ready, 503);
      assertThat(down.getString("status")).isEqualTo("DOWN");
      assertThat(status(down, "redis-nonpersist")).isEqualTo("DOWN");
      assertThat(status(down, "redis-pubsub")).isEqualTo("UP");

      redis.start();
      assertThat(awaitHealth(ready, 200).getString("status")).isEqualTo("UP");
    }
  }

  @Test
  @RunAsClient
  void livenessIsUp(@ArquillianResource URL base) throws Exception {
    JsonObject live = awaitHealth(onLoopback(base).resolve("/health/live"), 200);

    assertThat(status(live, "application")).isEqualTo("UP");
  }

  /** Payara reports the host's interface address; the tests talk to it on loopback only. */
  private static URI onLoopback(URL base) throws Exception {
    return new URI("http", null, "127.0.0.1", base.getPort(), base.getPath(), null, null);
  }

  private static JsonObject awaitHealth(URI uri, int expectedStatus) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    HttpResponse<String> response;
    do {
      response =
          http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == expectedStatus) {
        return Json.createReader(new StringReader(response.body())).readObject();
      }
      Thread.sleep(250);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError(
        "expected "
            + expectedStatus
            + " from "
            + uri
            + ", last: "
            + response.statusCode()
            + " "
            + response.body());
  }

  private static String status(JsonObject health, String check) {
    Predicate<JsonObject> named = c -> check.equals(c.getString("name"));
    return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(named)
        .map(c -> c.getJsonString("status"))
        .map(JsonString::getString)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + check + " in " + health));
  }
}
