package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import org.gitterjakarta.testsupport.http.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR shape: {@code gitter-ear} holds one copy of the EJB module and skinny WARs, and deploys
 * on a real Payara Server 6 (asadmin), set up as the README says, where the three applications
 * answer with the same server settings as on Payara Micro.
 */
class EarOnPayaraServerIT {

  static final Path EAR = Path.of(System.getProperty("test.ear"));
  static final Path PAYARA = Path.of(System.getProperty("test.payara.home"));
  static final int PORTBASE = Integer.getInteger("test.payara.portbase", 28000);
  static final int ADMIN_PORT = PORTBASE + 48;
  static final int HTTP_PORT = PORTBASE + 80;
  static final String DOMAIN = "gitter-st";
  static final Path DOMAINS = Launcher.WORK.resolve("payara-domains");
  static final Path PAYARA_CONFIG = Launcher.ROOT.resolve("server-config/payara");
  static final Path SETTINGS = PAYARA_CONFIG.resolve("server-domain.asadmin");

  @BeforeAll
  static void deploy() throws Exception {
    deleteRecursively(DOMAINS);
    asadmin(
        "create-domain",
        "--nopassword=true",
        "--portbase",
        String.valueOf(PORTBASE),
        "--domaindir",
        DOMAINS.toString(),
        DOMAIN);
    asadmin("start-domain", "--domaindir", DOMAINS.toString(), DOMAIN);
    String applied =
        asadmin("--port", String.valueOf(ADMIN_PORT), "multimode", "--file", SETTINGS.toString());
    // multimode goes on after a failed command and ends "executed successfully" all the same:
    // each command of the file must say it succeeded
    List<String> commands =
        Files.readAllLines(SETTINGS).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .map(line -> line.substring(0, line.indexOf(' ')))
            .toList();
    for (String name : java.util.Set.copyOf(commands)) {
      assertThat(applied.split("Command " + name + " executed successfully", -1))
          .as("%s of the domain's settings, see asadmin.log", name)
          .hasSize(1 + (int) commands.stream().filter(name::equals).count());
    }
    asadmin("stop-domain", "--domaindir", DOMAINS.toString(), DOMAIN);
    asadmin("start-domain", "--domaindir", DOMAINS.toString(), DOMAIN);
    asadmin("--port", String.valueOf(ADMIN_PORT), "deploy", "--name", "gitter", EAR.toString());
  }

  @AfterAll
  static void stop() throws Exception {
    asadmin("stop-domain", "--domaindir", DOMAINS.toString(), DOMAIN);
  }

  @Test
  void holdsExactlyOneCopyOfTheEjbModuleAndSkinnyWars() throws IOException {
    List<String> ejbCopies = new ArrayList<>();
    try (var ear = new ZipFile(EAR.toFile())) {
      for (ZipEntry entry : ear.stream().toList()) {
        if (isEjbJar(entry.getName())) {
          ejbCopies.add(entry.getName());
        } else if (entry.getName().endsWith(".war")) {
          ejbCopies.addAll(ejbJarsInWar(ear.getInputStream(entry), entry.getName()));
        }
      }
      assertThat(ear.getEntry("gitter-web.war")).isNotNull();
      assertThat(ear.getEntry("gitter-api.war")).isNotNull();
      assertThat(ear.getEntry("gitter-ws.war")).isNotNull();
    }
    assertThat(ejbCopies).containsExactly("gitter-ejb.jar");
  }

  /**
   * Every setting Payara Micro gets before boot holds on the domain too (Payara Server calls the
   * plain HTTP listener http-listener-1): two files that must not drift apart.
   */
  @Test
  void hasEverySettingOfPayaraMicro() throws Exception {
    List<String> micro =
        Files.readAllLines(PAYARA_CONFIG.resolve("pre-boot.asadmin")).stream()
            .filter(line -> line.startsWith("set "))
            .map(line -> line.substring(4).replace(".http-listener.", ".http-listener-1."))
            .toList();
    String domain = asadmin("--port", String.valueOf(ADMIN_PORT), "get", "configs.config.*");

    assertThat(micro).hasSizeGreaterThanOrEqualTo(9);
    assertThat(domain.lines()).containsAll(micro);
  }

  /** Cookies of a sign-in through the domain: SameSite, and Secure behind a TLS proxy. */
  @Test
  void signsInWithSameSiteCookiesSecureBehindTls() throws Exception {
    String username = "ear" + System.nanoTime();
    SharedInstance.newUser(username, "--password", "password123");
    var http = java.net.http.HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + HTTP_PORT;

    String plain = SignInForm.sessionCookie(http, base, username, "password123", null);
    String tls = SignInForm.sessionCookie(http, base, username, "password123", "https");

    assertThat(plain).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    assertThat(plain).doesNotContainIgnoringCase("secure;").doesNotEndWith("Secure");
    assertThat(tls).contains("Secure").containsIgnoringCase("SameSite=Lax");
  }

  /** {@code DELETE /v1/user/:id} reads its JSON body ({@code ghost}) on the domain too. */
  @Test
  void deletesAnAccountAsAGhost() {
    String token = SharedInstance.newUser("eg" + System.nanoTime(), "--password", "password123");
    String id =
        Http.array(Http.get(uri("/api/v1/user"), "x-access-token", token))
            .getJsonObject(0)
            .getString("id");

    var deleted =
        Http.send(
            java.net.http.HttpRequest.newBuilder(uri("/api/v1/user/me"))
                .method(
                    "DELETE", java.net.http.HttpRequest.BodyPublishers.ofString("{\"ghost\":true}"))
                .header("Content-Type", "application/json")
                .header("x-access-token", token));

    assertThat(deleted.statusCode()).isEqualTo(200);
    try (var mongo =
        com.mongodb.client.MongoClients.create(
            "mongodb://127.0.0.1:" + System.getProperty("test.mongo.port"))) {
      var account =
          mongo
              .getDatabase("gitter_test")
              .getCollection("users")
              .find(new org.bson.Document("_id", id))
              .first();
      assertThat(account.getString("username")).isEqualTo("ghost~" + id);
    }
  }

  @Test
  void servesTheWebUi() {
    var response = Http.get(uri("/"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("Where communities talk");
  }

  @Test
  void servesTheRestApi() {
    var response = Http.get(uri("/api/v1/user"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(Http.object(response).getString("error")).isEqualTo("Unauthorized");
  }

  @Test
  void servesBayeux() {
    var response =
        Http.postJson(
            uri("/bayeux/"),
            "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
                + "\"supportedConnectionTypes\":[\"long-polling\"]}]");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.array(response).getJsonObject(0).getBoolean("successful")).isTrue();
  }

  /**
   * The realtime WAR's warm-up needs the instance's own port, which nothing sets here: it is
   * skipped, and says so at once instead of holding readiness back (nor failing the deployment).
   * The send path's warm-up runs beside the deployment when the default executor is already bound,
   * so readiness is polled for it, as a load balancer would.
   */
  @Test
  void reportsTheWarmUpsAsDone() {
    assertThat(warmUps()).contains("realtime-warmed-up UP");

    Awaitility.await()
        .atMost(Duration.ofSeconds(30)) // readiness gives up on a hung warm-up after 60 s
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () ->
                assertThat(warmUps())
                    .containsExactlyInAnyOrder("warmed-up UP", "realtime-warmed-up UP"));
  }

  private static List<String> warmUps() {
    var response = Http.get(uri("/health/ready"));
    return Http.object(response).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(check -> check.getString("name").endsWith("warmed-up"))
        .map(check -> check.getString("name") + " " + check.getString("status"))
        .toList();
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + HTTP_PORT + path);
  }

  private static boolean isEjbJar(String name) {
    String file = name.substring(name.lastIndexOf('/') + 1);
    return file.startsWith("gitter-ejb") && file.endsWith(".jar");
  }

  private static List<String> ejbJarsInWar(InputStream war, String warName) throws IOException {
    List<String> found = new ArrayList<>();
    try (var entries = new ZipInputStream(war)) {
      for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
        if (isEjbJar(entry.getName())) {
          found.add(warName + "!/" + entry.getName());
        }
      }
    }
    return found;
  }

  private static final String WEB_STATE_KEY = randomKey();

  private static String randomKey() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return java.util.Base64.getEncoder().encodeToString(key);
  }

  /** Runs asadmin; its output, also appended to {@code asadmin.log}. */
  private static String asadmin(String... args) throws Exception {
    var command =
        new ArrayList<>(List.of(PAYARA.resolve("bin/asadmin").toString(), "--interactive=false"));
    command.addAll(List.of(args));
    Path output = Files.createTempFile(Launcher.WORK, "asadmin", ".out");
    var builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(output.toFile()));
    builder.environment().put("GITTER_ENV", "test");
    // the test environment's settings, as the shared instance reads them: its database, too
    builder
        .environment()
        .put("GITTER_CONFIG_DIR", Launcher.ROOT.resolve("server-config").toString());
    builder
        .environment()
        .put("GITTER_MONGO_URI", "mongodb://127.0.0.1:" + System.getProperty("test.mongo.port"));
    builder.environment().put("GITTER_REDIS_URI", System.getProperty("test.redis.uri"));
    // the web module's form-state key, as an operator sets it for every web server
    builder.environment().put("GITTER_WEB_STATE_KEY", WEB_STATE_KEY);
    Process process = builder.start();
    boolean ended = process.waitFor(5, TimeUnit.MINUTES);
    if (!ended) {
      process.destroyForcibly();
    }
    String text = Files.readString(output);
    Files.delete(output);
    Path log = Launcher.WORK.resolve("asadmin.log");
    Files.writeString(
        log,
        "$ asadmin " + String.join(" ", args) + "\n" + text,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    if (!ended) {
      throw new IllegalStateException("asadmin " + String.join(" ", args) + " timed out");
    }
    assertThat(process.exitValue()).as("asadmin %s, see %s", String.join(" ", args), log).isZero();
    return text;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
