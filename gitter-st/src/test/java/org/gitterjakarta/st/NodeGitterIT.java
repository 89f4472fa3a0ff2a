package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.gitterjakarta.testsupport.bayeux.BayeuxClient;
import org.gitterjakarta.testsupport.http.Http;
import org.gitterjakarta.testsupport.launcher.GitterRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The yardstick of API compatibility: the official {@code node-gitter} npm client, unmodified,
 * against the running instance (current user, find by username, join by uri, send, /me, list
 * messages, mark as read, users, the user's rooms, repos and orgs, rate-limit headers, leave), and
 * the stock {@code faye} client on the realtime service.
 */
class NodeGitterIT {

  static final Path SOURCES = Launcher.ROOT.resolve("gitter-st/src/test/node");
  static Path work;

  /** The npm clients, installed once from the lock file. */
  @BeforeAll
  static void installClients() throws Exception {
    work = Launcher.WORK.resolve("node-gitter");
    Files.createDirectories(work);
    for (String file :
        new String[] {
          "package.json", "package-lock.json", "node-gitter-compat.js", "realtime-compat.js"
        }) {
      Files.copy(SOURCES.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    run(work, null, "npm", "ci", "--no-audit", "--no-fund");
  }

  @Test
  void nodeGitterWorksUnmodified() throws Exception {
    GitterRun gitter = SharedInstance.get();
    String owner =
        SharedInstance.newUser(
            "owner" + UUID.randomUUID().toString().substring(0, 6), "--password", "password123");
    String uri = "ng" + UUID.randomUUID().toString().substring(0, 8);
    var created =
        Http.postJson(
            gitter.uri("/api/v1/groups"),
            "{\"uri\":\"" + uri + "\"}",
            "Authorization",
            "Bearer " + owner);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    String token =
        SharedInstance.newUser(
            "node" + UUID.randomUUID().toString().substring(0, 6), "--password", "password123");

    String output =
        run(
            work,
            new String[] {
              "GITTER_API", "http://127.0.0.1:" + gitter.port + "/api/v1",
              "GITTER_TOKEN", token,
              "GITTER_ROOM_URI", uri + "/community"
            },
            "node",
            "node-gitter-compat.js");

    assertThat(output).contains("\"check\":\"leave\",\"ok\":true").doesNotContain("\"ok\":false");
    assertThat(output.lines().filter(line -> line.contains("\"ok\":true"))).hasSize(13);
  }

  /**
   * The stock {@code faye} client over websocket and long-polling, and node-gitter's {@code
   * room.subscribe()}: snapshots, live create/update with {@code ext.c}, refusals. At {@code
   * /bayeux/} of the all-in-one instance, and at {@code /bayeux} (no slash, as {@code
   * https://ws.gitter.im/bayeux}) of a realtime-only instance.
   */
  @Test
  void fayeAndNodeGitterStreamingWorkUnmodified() throws Exception {
    GitterRun gitter = SharedInstance.get();
    fayeChecks(gitter.uri("/api/v1").toString(), "http://127.0.0.1:" + gitter.port + "/bayeux/");
    try (var realtime = Launcher.start("faye-ws", SharedInstance.environment(), "--role", "ws")) {
      fayeChecks(gitter.uri("/api/v1").toString(), "http://127.0.0.1:" + realtime.port + "/bayeux");
    }
  }

  /**
   * A realtime instance at its websocket limit (one, held here) answers the stock {@code faye}
   * client's upgrade 503: the client falls back to long-polling and hears the room as before.
   */
  @Test
  void fayeFallsBackToLongPollingWhenItsWebsocketIsRefused() throws Exception {
    GitterRun gitter = SharedInstance.get();
    var settings = new HashMap<>(SharedInstance.environment());
    settings.put("GITTER_WS_MAX_SOCKETS", "1");
    try (var realtime = Launcher.start("faye-refused", settings, "--role", "ws");
        var holder = BayeuxClient.websocket(realtime.uri("/bayeux"))) {
      holder.handshake(
          SharedInstance.newUser("fhold" + UUID.randomUUID().toString().substring(0, 6)));
      fayeChecks(
          gitter.uri("/api/v1").toString(), "http://127.0.0.1:" + realtime.port + "/bayeux", true);
      Path log = Launcher.WORK.resolve("shared-data/logs/payara-ws-" + realtime.port + ".log");
      assertThat(Files.readString(log))
          .as("the client's upgrade was refused")
          .contains("Refusing new websockets: 1 websockets open");
    }
  }

  static void fayeChecks(String api, String bayeux) throws Exception {
    fayeChecks(api, bayeux, false);
  }

  /**
   * The stock clients' realtime checks against a Bayeux endpoint and the API they go with; only the
   * fallback to long-polling when the endpoint refuses websockets.
   */
  static void fayeChecks(String api, String bayeux, boolean websocketsRefused) throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String sender = SharedInstance.newUser("fsend" + suffix);
    String listener = SharedInstance.newUser("flisten" + suffix);
    var group = Api.community(sender);
    String privateRoom =
        Api.ok(
                Api.call(
                    "POST",
                    "/groups/" + group.getString("id") + "/rooms",
                    sender,
                    "{\"name\":\"inner\",\"security\":{\"security\":\"PRIVATE\"}}"))
            .getString("id");

    String output =
        run(
            work,
            new String[] {
              "GITTER_BAYEUX",
              bayeux,
              "GITTER_API",
              api,
              "GITTER_TOKEN",
              listener,
              "GITTER_SENDER_TOKEN",
              sender,
              "GITTER_ROOM_ID",
              group.getJsonObject("defaultRoom").getString("id"),
              "GITTER_PRIVATE_ROOM_ID",
              privateRoom,
              "GITTER_WEBSOCKETS_REFUSED",
              websocketsRefused ? "1" : "0"
            },
            "node",
            "realtime-compat.js");

    assertThat(output).as(bayeux).doesNotContain("\"ok\":false");
    assertThat(output.lines().filter(line -> line.contains("\"ok\":true")))
        .hasSize(websocketsRefused ? 1 : 5);
  }

  private static String run(Path dir, String[] environment, String... command) throws Exception {
    var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    for (int i = 0; environment != null && i < environment.length; i += 2) {
      builder.environment().put(environment[i], environment[i + 1]);
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command[0]).isTrue();
    assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), output).isZero();
    return output;
  }
}
