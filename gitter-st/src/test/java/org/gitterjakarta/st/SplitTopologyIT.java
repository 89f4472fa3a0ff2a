package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gitterjakarta.st.WebPages.RoomPage;
import org.gitterjakarta.st.WebPages.RoomsPage;
import org.gitterjakarta.st.WebPages.SignUpPage;
import org.gitterjakarta.testsupport.Pause;
import org.gitterjakarta.testsupport.http.Http;
import org.gitterjakarta.testsupport.launcher.GitterRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The production shape on one box, as an operator starts it ({@code ./gitter run --split}): nginx
 * with the shipped routes in front of two web, two API and two realtime instances sharing Redis and
 * MongoDB. People chat live across instances in browsers and over Bayeux; a killed web instance
 * signs nobody out; a killed realtime instance and a rolling restart of every instance under load
 * lose no message and duplicate none.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SplitTopologyIT {

  @RegisterExtension final Browser browsers = new Browser();

  static GitterRun split;
  static String base;
  static Map<String, String> environment;
  static final List<GitterRun> replacements = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    // the shared instance's stores, a data directory of its own (logs, the web state key)
    var settings = new java.util.HashMap<>(SharedInstance.environment());
    settings.put("GITTER_DATA_DIR", Launcher.WORK.resolve("split-data").toString());
    settings.put("GITTER_SHUTDOWN_GRACE_MS", "3000");
    settings.put("GITTER_JAVA_OPTS", "-Xmx384m");
    environment = Map.copyOf(settings);
    split = Launcher.start("split", environment, "--split", "--instances", "2");
    base = "http://127.0.0.1:" + split.port;
  }

  @AfterAll
  static void stop() {
    replacements.forEach(GitterRun::close);
    if (split != null) {
      split.close();
    }
  }

  /** The port of a role's n-th instance (1 or 2), as ./gitter run --split numbers them. */
  static int port(String role, int n) {
    int offset =
        switch (role) {
          case "web" -> 0;
          case "api" -> 10;
          default -> 20;
        };
    return split.port + offset + n;
  }

  static URI direct(String role, int n) {
    return URI.create("http://127.0.0.1:" + port(role, n));
  }

  static URI proxy() {
    return URI.create(base);
  }

  /** The Payara Micro process serving a port. */
  static ProcessHandle payara(int port) {
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(line -> line.contains("payara-micro") && line.contains("--port " + port))
                    .orElse(false))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Payara Micro on port " + port));
  }

  static void killHard(String role, int n) {
    ProcessHandle payara = payara(port(role, n));
    payara.destroyForcibly();
    payara.onExit().orTimeout(30, TimeUnit.SECONDS).join();
  }

  /** What answered /health/ready of each instance stopped with SIGTERM while it stopped. */
  static final List<String> notReadyWhileStopping = new CopyOnWriteArrayList<>();

  /**
   * SIGTERM, as a service manager stops it; returns once the process is gone. Until then its
   * readiness is asked: it must say 503 (not ready) while the instance finishes its requests.
   */
  static void stopGracefully(String role, int n) {
    ProcessHandle payara = payara(port(role, n));
    payara.destroy();
    boolean saidNotReady = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (payara.isAlive() && System.nanoTime() < deadline) {
      try {
        int status =
            Http.send(HttpRequest.newBuilder(direct(role, n).resolve("/health/ready")))
                .statusCode();
        saidNotReady |= status == 503;
      } catch (RuntimeException gone) {
        // its port is closed: it is going
      }
      Pause.sleep(100);
    }
    payara.onExit().orTimeout(30, TimeUnit.SECONDS).join();
    if (saidNotReady) {
      notReadyWhileStopping.add(role + " " + n);
    }
  }

  /** The instance started again on its port, as an operator would: ready when this returns. */
  static void startAgain(String role, int n) {
    replacements.add(
        Launcher.run(
            Launcher.WORK.resolve("split-" + role + "-" + n + "-" + replacements.size() + ".log"),
            port(role, n),
            environment,
            "--role",
            role));
  }

  static String name(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 6);
  }

  static HttpResponse<String> api(String method, String path, String token, String json) {
    return Http.send(Http.apiRequest(proxy().resolve("/api/v1" + path), method, token, json));
  }

  /** A person made by the operator's command; their token. */
  static String person(String prefix) {
    return Launcher.userAdd(environment, name(prefix));
  }

  static String roomOf(String token) {
    String uri = "c" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        api("POST", "/groups", token, "{\"uri\":\"" + uri + "\",\"name\":\"Team " + uri + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    return Http.object(created).getJsonObject("defaultRoom").getString("id");
  }

  static void join(String token, String roomId) {
    String userId = Http.object(api("GET", "/user/me", token, null)).getString("id");
    HttpResponse<String> joined =
        api("POST", "/user/" + userId + "/rooms", token, "{\"id\":\"" + roomId + "\"}");
    assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
  }

  /**
   * A history page kept by one API instance is dropped by a change made through the other: the
   * change's live event reaches every instance, and the next read there shows it.
   */
  @Test
  @Order(0)
  void historyReadThroughOneApiInstanceShowsChangesMadeThroughTheOther() {
    String alice = person("alice");
    String roomId = roomOf(alice);
    String messages = "/api/v1/rooms/" + roomId + "/chatMessages";
    HttpResponse<String> sent =
        Http.send(
            Http.apiRequest(
                direct("api", 1).resolve(messages), "POST", alice, "{\"text\":\"one\"}"));
    String id = Http.object(sent).getString("id");
    java.util.function.Supplier<HttpResponse<String>> readOnSecond =
        () ->
            Http.send(
                Http.apiRequest(
                    direct("api", 2).resolve(messages + "?limit=50"), "GET", alice, null));
    assertThat(readOnSecond.get().body()).contains("\"one\"");
    String kept = readOnSecond.get().body();

    Http.send(
        Http.apiRequest(
            direct("api", 1).resolve(messages + "/" + id),
            "PUT",
            alice,
            "{\"text\":\"one, edited\"}"));
    assertThat(readOnSecond.get().body()).isNotEqualTo(kept).contains("one, edited");

    Http.send(
        Http.apiRequest(
            direct("api", 1).resolve(messages + "/" + id + "/reactions/tada"), "PUT", alice, null));
    assertThat(Http.array(readOnSecond.get()).getJsonObject(0).getJsonArray("reactions"))
        .hasSize(1);

    Http.send(
        Http.apiRequest(direct("api", 1).resolve(messages), "POST", alice, "{\"text\":\"two\"}"));
    assertThat(Http.array(readOnSecond.get())).hasSize(2);

    Http.send(
        Http.apiRequest(direct("api", 1).resolve(messages + "/" + id), "DELETE", alice, null));
    assertThat(Http.array(readOnSecond.get())).hasSize(1);
  }

  @Test
  @Order(1)
  void peopleChatLiveInBrowsersAndStaySignedInWhenTheirWebInstanceDies() {
    WebDriver aliceBrowser = browsers.open();
    WebDriver bobBrowser = browsers.open();
    // every page and form below alternates between the two web instances (round robin)
    new SignUpPage(aliceBrowser, base).open().signUp(name("sa"), "password123");
    RoomPage alice = new RoomsPage(aliceBrowser, base).createCommunity(name("sc"), "Split Team");
    new SignUpPage(bobBrowser, base).open().signUp(name("sb"), "password123");
    assertThat(new RoomsPage(bobBrowser, base).isShown()).isTrue();
    RoomPage bob = new RoomPage(bobBrowser, base).open(alice.roomId()).join();

    alice.say("hello across instances");
    bob.awaitMessage("hello across instances");
    bob.say("hi from the other side");
    alice.awaitMessage("hi from the other side");

    String cookie =
        "gitter_session=" + bobBrowser.manage().getCookieNamed("gitter_session").getValue();
    for (int n = 1; n <= 2; n++) {
      HttpResponse<String> page =
          Http.send(
              HttpRequest.newBuilder(direct("web", n).resolve("/settings.xhtml")),
              "Cookie",
              cookie);
      assertThat(page.statusCode()).as("web instance %d knows the person", n).isEqualTo(200);
    }

    killHard("web", 1);
    CompletableFuture<Void> restarted = CompletableFuture.runAsync(() -> startAgain("web", 1));
    for (int i = 0; i < 4; i++) {
      bob = new RoomPage(bobBrowser, base).open(alice.roomId());
      assertThat(bobBrowser.findElements(By.id("composer-text")))
          .as("still signed in")
          .isNotEmpty();
    }
    bob.awaitLive().say("after the web instance died");
    alice.awaitMessage("after the web instance died");
    restarted.orTimeout(5, TimeUnit.MINUTES).join();
  }

  @Test
  @Order(2)
  void bayeuxClientsMissNothingWhenARealtimeInstanceIsKilled() throws Exception {
    String alice = person("ka");
    String roomId = roomOf(alice);
    List<CatchingUpReader> readers = readersOnEachInstance(alice, person("kb"), roomId);
    var load = new SteadySends(alice, roomId);
    try {
      load.until(() -> load.acknowledged.size() >= 15);
      killHard("ws", 1);
      load.until(() -> load.acknowledged.size() >= 45);
    } finally {
      load.stop();
    }
    assertEveryReaderHasEachMessageOnce(readers, load);
    assertThat(readers.get(0).reconnects.get() + readers.get(1).reconnects.get())
        .as("the killed instance's clients reconnected")
        .isGreaterThanOrEqualTo(2);
    readers.forEach(CatchingUpReader::close);
    startAgain("ws", 1);
  }

  @Test
  @Order(3)
  void aRollingRestartUnderLoadLosesNothingAndShowsNoErrors() throws Exception {
    String alice = person("ra");
    String roomId = roomOf(alice);
    List<CatchingUpReader> readers = readersOnEachInstance(alice, person("rb"), roomId);
    var load = new SteadySends(alice, roomId);
    try {
      // one instance of each role at a time: every role always has one serving
      for (int n = 1; n <= 2; n++) {
        int instance = n;
        List<CompletableFuture<Void>> restarts = new ArrayList<>();
        for (String role : List.of("web", "api", "ws")) {
          restarts.add(
              CompletableFuture.runAsync(
                  () -> {
                    stopGracefully(role, instance);
                    startAgain(role, instance);
                  }));
        }
        CompletableFuture.allOf(restarts.toArray(CompletableFuture[]::new))
            .orTimeout(6, TimeUnit.MINUTES)
            .join();
      }
      int before = load.acknowledged.size();
      load.until(() -> load.acknowledged.size() >= before + 10);
    } finally {
      load.stop();
    }
    assertThat(load.failures).as("sends refused during the restart").isEmpty();
    assertThat(notReadyWhileStopping)
        .as("instances that said 503 on /health/ready while stopping")
        .containsExactlyInAnyOrder("web 1", "api 1", "ws 1", "web 2", "api 2", "ws 2");
    assertThat(load.acknowledged.size()).isGreaterThan(30);
    assertEveryReaderHasEachMessageOnce(readers, load);
    readers.forEach(CatchingUpReader::close);
  }

  @Test
  @Order(4)
  void theStockFayeClientWorksThroughTheProxy() throws Exception {
    // long-polling through nginx works only if every request of a client reaches one instance
    NodeGitterIT.installClients();
    NodeGitterIT.fayeChecks(base + "/api/v1", base + "/bayeux/");
  }

  /** Alice and Bob (who joins), each reading the room on each realtime instance: four readers. */
  static List<CatchingUpReader> readersOnEachInstance(String alice, String bob, String roomId) {
    join(bob, roomId);
    List<CatchingUpReader> readers = new ArrayList<>();
    for (int n = 1; n <= 2; n++) {
      readers.add(new CatchingUpReader(direct("ws", n), proxy(), alice, roomId));
      readers.add(new CatchingUpReader(direct("ws", n), proxy(), bob, roomId));
    }
    return readers;
  }

  static void assertEveryReaderHasEachMessageOnce(
      List<CatchingUpReader> readers, SteadySends load) {
    Set<String> sent = Set.copyOf(load.acknowledged);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline
        && !readers.stream().allMatch(reader -> reader.has.containsAll(sent))) {
      Pause.sleep(200);
    }
    for (CatchingUpReader reader : readers) {
      assertThat(sent).as("messages a reader never got").isSubsetOf(reader.has);
      assertThat(reader.duplicates()).as("messages heard twice live").isEmpty();
    }
  }

  /**
   * Messages sent through the proxy every 150 ms by one person: what was acknowledged, what not.
   */
  static final class SteadySends {
    final List<String> acknowledged = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CompletableFuture<Void> done;
    private static final HttpClient HTTP =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SteadySends(String token, String roomId) {
      done =
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; running.get(); i++) {
                  send(token, roomId, i);
                  Pause.sleep(150);
                }
              });
    }

    private void send(String token, String roomId, int i) {
      try {
        HttpResponse<String> sent =
            HTTP.send(
                Http.apiRequest(
                        proxy().resolve("/api/v1/rooms/" + roomId + "/chatMessages"),
                        "POST",
                        token,
                        "{\"text\":\"steady " + i + "\"}")
                    .timeout(Duration.ofSeconds(20))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (sent.statusCode() == 200) {
          JsonObject message = Http.object(sent);
          acknowledged.add(message.getString("id"));
        } else {
          failures.add(i + ": " + sent.statusCode() + " " + sent.body());
        }
      } catch (Exception e) {
        failures.add(i + ": " + e);
      }
    }

    void until(java.util.function.BooleanSupplier condition) {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (!condition.getAsBoolean()) {
        assertThat(System.nanoTime()).as("steady sends stalled: %s", failures).isLessThan(deadline);
        Pause.sleep(100);
      }
    }

    void stop() {
      running.set(false);
      done.orTimeout(30, TimeUnit.SECONDS).join();
    }
  }
}
