package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gitterjakarta.st.Api.assertError;
import static org.gitterjakarta.st.Api.call;
import static org.gitterjakarta.st.Api.community;
import static org.gitterjakarta.st.Api.join;
import static org.gitterjakarta.st.Api.ok;
import static org.gitterjakarta.st.Api.okArray;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.gitterjakarta.st.WebPages.RoomPage;
import org.gitterjakarta.st.WebPages.RoomsPage;
import org.gitterjakarta.st.WebPages.SignInPage;
import org.gitterjakarta.testsupport.bayeux.BayeuxClient;
import org.gitterjakarta.testsupport.http.Http;
import org.gitterjakarta.testsupport.launcher.GitterRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Incoming webhooks end to end over real HTTP: admins create them (API and room settings page), a
 * POST to the secret URL becomes an activity event seen through REST, Bayeux and the room's
 * activity panel; revoked hooks, unknown payloads, hostile bodies and floods are refused with 4xx
 * JSON and store nothing.
 */
class IntegrationsIT {

  static final String PASSWORD = "a long password 1";

  @RegisterExtension final Browser browsers = new Browser();

  static GitterRun gitter;
  static String base;
  static String alice;
  static String bob;
  static String carol;

  @BeforeAll
  static void people() {
    gitter = SharedInstance.get();
    base = gitter.uri("").toString().replaceAll("/$", "");
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    alice = SharedInstance.newUser("halice" + suffix);
    bob = SharedInstance.newUser("hbob" + suffix);
    carol = SharedInstance.newUser("hcarol" + suffix);
  }

  static String integrations(String roomId) {
    return "/rooms/" + roomId + "/integrations";
  }

  static JsonObject createHook(String roomId, String name) {
    return ok(
        call("POST", integrations(roomId), alice, "{\"name\":" + Json.createValue(name) + "}"));
  }

  static HttpResponse<String> post(String url, String json, String... headers) {
    var request =
        HttpRequest.newBuilder(URI.create(url))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .header("Content-Type", "application/json");
    return Http.send(request, headers);
  }

  static JsonArray events(String roomId, String token) {
    return okArray(call("GET", "/rooms/" + roomId + "/events", token, null));
  }

  static String channel(String roomId) {
    return "/api/v1/rooms/" + roomId + "/events";
  }

  @Test
  void hooksPostActivityEventsSeenThroughRestAndBayeuxUntilRevoked() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    join(roomId, bob);
    JsonObject hook = createHook(roomId, "CI");
    String url = hook.getString("url");
    assertThat(hook.getString("secret")).matches("[0-9a-f]{40}");
    assertThat(url).isEqualTo(base + "/api/private/hook/" + hook.getString("secret"));
    var behindTls =
        Http.send(
            Http.apiRequest(
                gitter.uri("/api/v1" + integrations(roomId)), "POST", alice, "{\"name\":\"TLS\"}"),
            "X-Forwarded-Proto",
            "https");
    assertThat(Http.object(behindTls).getString("url"))
        .as("the URL a TLS proxy's clients use")
        .startsWith("https://");
    ok(
        call(
            "DELETE",
            integrations(roomId) + "/" + Http.object(behindTls).getString("id"),
            alice,
            null));
    assertThat(okArray(call("GET", integrations(roomId), alice, null)))
        .singleElement()
        .satisfies(
            listed -> {
              assertThat(listed.asJsonObject().getString("name")).isEqualTo("CI");
              assertThat(listed.asJsonObject().containsKey("secret")).as("shown once").isFalse();
            });

    try (var client = BayeuxClient.websocket(gitter.bayeux())) {
      client.handshake(bob);
      JsonObject subscribed = client.subscribe(channel(roomId), JsonValue.TRUE);
      assertThat(subscribed.getBoolean("successful")).as(subscribed.toString()).isTrue();
      assertThat(subscribed.getJsonObject("ext").getJsonArray("snapshot")).isEmpty();

      var posted =
          post(url, "{\"message\":\"Deployed **v1.2**\",\"icon\":\"rocket\",\"level\":\"info\"}");
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
      JsonObject live =
          client.await(channel(roomId), d -> "create".equals(d.getString("operation", "")));
      JsonObject model = live.getJsonObject("data").getJsonObject("model");
      assertThat(model.getString("text")).isEqualTo("Deployed **v1.2**");
      assertThat(model.getString("html")).contains("<strong>v1.2</strong>");
      assertThat(model.getJsonObject("meta").getString("icon")).isEqualTo("rocket");
      assertThat(model.getJsonObject("meta").getBoolean("prerendered")).isTrue();
      assertThat(model.getString("sent")).endsWith("Z");
    }

    var push =
        post(
            url,
            "{\"ref\":\"refs/heads/main\",\"compare\":\"https://github.com/acme/app/compare/a...b\","
                + "\"repository\":{\"full_name\":\"acme/app\",\"html_url\":\"https://github.com/acme/app\"},"
                + "\"pusher\":{\"name\":\"ann\"},\"commits\":[{\"id\":\"1234567890\",\"message\":\"Fix the build\","
                + "\"url\":\"https://github.com/acme/app/commit/1234567\"}]}",
            "X-GitHub-Event",
            "push");
    assertThat(push.statusCode()).as(push.body()).isEqualTo(200);
    var issue =
        post(
            url,
            "{\"action\":\"opened\",\"issue\":{\"number\":42,\"title\":\"It <script>breaks</script>\","
                + "\"html_url\":\"https://github.com/acme/app/issues/42\"},"
                + "\"repository\":{\"full_name\":\"acme/app\"},\"sender\":{\"login\":\"bob\"}}",
            "X-GitHub-Event",
            "issues");
    assertThat(issue.statusCode()).as(issue.body()).isEqualTo(200);
    var pull =
        post(
            url,
            "{\"action\":\"closed\",\"pull_request\":{\"number\":7,\"title\":\"Speed\",\"merged\":true,"
                + "\"html_url\":\"https://github.com/acme/app/pull/7\"},"
                + "\"repository\":{\"full_name\":\"acme/app\"},\"sender\":{\"login\":\"eve\"}}",
            "X-GitHub-Event",
            "pull_request");
    assertThat(pull.statusCode()).as(pull.body()).isEqualTo(200);
    var ping = post(url, "{\"zen\":\"Design for failure.\"}", "X-GitHub-Event", "ping");
    assertThat(ping.statusCode()).isEqualTo(200);
    // GitHub's form encoding: payload=<json>
    var form =
        Http.send(
            HttpRequest.newBuilder(URI.create(url))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "payload="
                            + URLEncoder.encode(
                                "{\"message\":\"from a form\"}", StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);

    JsonArray listed = events(roomId, bob);
    assertThat(listed)
        .extracting(e -> e.asJsonObject().getString("text"))
        .as("newest first; the ping stored nothing")
        .hasSize(5)
        .startsWith("from a form")
        .endsWith("Deployed **v1.2**");
    assertThat(listed.get(1).asJsonObject().getString("html"))
        .contains("merged pull request", "href=\"https://github.com/acme/app/pull/7\"");
    assertThat(listed.get(2).asJsonObject().getString("html"))
        .contains("opened issue")
        .doesNotContain("<script>");
    assertThat(listed.get(3).asJsonObject().getString("html"))
        .contains("pushed 1 commit", "acme/app", "Fix the build");
    String second = listed.get(1).asJsonObject().getString("id");
    assertThat(
            okArray(
                call("GET", "/rooms/" + roomId + "/events?limit=2&beforeId=" + second, bob, null)))
        .extracting(e -> e.asJsonObject().getString("text"))
        .hasSize(2)
        .endsWith(listed.get(3).asJsonObject().getString("text"));
    try (var late = BayeuxClient.longPolling(gitter.bayeux())) {
      late.handshake(bob);
      assertThat(
              late.subscribe(channel(roomId), JsonValue.TRUE)
                  .getJsonObject("ext")
                  .getJsonArray("snapshot"))
          .as("a new subscriber starts from the latest events")
          .hasSize(5);
    }

    assertError(
        call("DELETE", integrations(roomId) + "/" + hook.getString("id"), bob, null), 403, "admin");
    ok(call("DELETE", integrations(roomId) + "/" + hook.getString("id"), alice, null));
    assertThat(okArray(call("GET", integrations(roomId), alice, null))).isEmpty();
    var revoked = post(url, "{\"message\":\"still here?\"}");
    assertThat(revoked.statusCode()).isEqualTo(404);
    assertThat(Http.object(revoked).getString("error")).contains("revoked");
    assertThat(events(roomId, bob)).hasSize(5);
    assertError(
        call("DELETE", integrations(roomId) + "/" + hook.getString("id"), alice, null), 404, "");
  }

  @Test
  void unknownAndHostilePayloadsAre4xxJsonAndStoreNothing() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    // junk counts against a hook's limit too (10 a minute in tests): a fresh hook every few bodies
    var url =
        new Object() {
          int used;
          JsonObject hook;

          String next() {
            if (hook == null || ++used % 8 == 0) {
              if (hook != null) {
                ok(call("DELETE", integrations(roomId) + "/" + hook.getString("id"), alice, null));
              }
              hook = createHook(roomId, "junk");
            }
            return hook.getString("url");
          }
        };
    String[] refusedBodies = {
      "{\"text\":\"not our shape\"}",
      "{\"message\":42}",
      "{\"message\":[\"a\"]}",
      "{\"message\":\"x\",\"level\":\"shout\"}",
      "{\"message\":\"x\",\"icon\":\"../../etc\"}",
      "[1,2,3]",
      "\"just a string\"",
      "null",
      "",
      "{\"message\":",
      "{\"message\":\"a\"} trailing",
      "[".repeat(5000) + "]".repeat(5000),
      "{\"message\":\"" + "x".repeat(5000) + "\"}",
    };
    for (String body : refusedBodies) {
      var answer = post(url.next(), body);
      assertThat(answer.statusCode())
          .as(body.length() > 60 ? body.substring(0, 60) : body)
          .isEqualTo(400);
      assertThat(Http.object(answer).getString("error")).isNotBlank();
    }
    var star = post(url.next(), "{\"action\":\"created\"}", "X-GitHub-Event", "star");
    assertError(star, 400, "star");
    var brokenPush =
        post(url.next(), "{\"ref\":5,\"repository\":\"acme\"}", "X-GitHub-Event", "push");
    assertThat(brokenPush.statusCode()).isEqualTo(400);
    var huge = post(url.next(), "{\"message\":\"" + "y".repeat(300 * 1024) + "\"}");
    assertThat(huge.statusCode()).isIn(400, 413);
    var text =
        Http.send(
            HttpRequest.newBuilder(URI.create(url.next()))
                .POST(HttpRequest.BodyPublishers.ofString("message=hi"))
                .header("Content-Type", "text/plain"));
    assertThat(text.statusCode()).isEqualTo(400);
    var get = Http.get(URI.create(url.next()));
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(Http.object(get).getString("error")).isNotBlank();
    for (String secret : new String[] {"", "nothex", "0".repeat(40), "../../v1/user", "%00"}) {
      var unknown = post(base + "/api/private/hook/" + secret, "{\"message\":\"x\"}");
      assertThat(unknown.statusCode()).as(secret).isBetween(400, 499);
    }
    assertThat(events(roomId, alice)).as("nothing stored").isEmpty();

    // someone else's room: bob administers nothing here, carol cannot even see the private room
    String privateRoom = Api.privateRoom(alice);
    join(roomId, bob);
    assertError(call("POST", integrations(roomId), bob, "{\"name\":\"mine\"}"), 403, "admin");
    assertError(call("GET", integrations(roomId), bob, null), 403, "admin");
    assertThat(call("GET", integrations(privateRoom), carol, null).statusCode()).isIn(403, 404);
    assertThat(call("POST", integrations(privateRoom), carol, "{\"name\":\"x\"}").statusCode())
        .isIn(403, 404);
    assertThat(call("GET", "/rooms/" + privateRoom + "/events", carol, null).statusCode())
        .isIn(403, 404);
    assertError(call("POST", integrations(roomId), alice, "{\"name\":5}"), 400, "");
    assertError(call("POST", integrations(roomId), alice, "{}"), 400, "name");
    assertError(call("POST", integrations(roomId), alice, "[]"), 400, "");
    assertError(
        call("POST", integrations(roomId), alice, "{\"name\":\"" + "n".repeat(61) + "\"}"),
        400,
        "60");
    assertThat(call("GET", "/rooms/" + roomId + "/events?limit=0", alice, null).statusCode())
        .isEqualTo(400);
    assertThat(call("GET", "/rooms/" + roomId + "/events?beforeId=xyz", alice, null).statusCode())
        .isEqualTo(400);
    try (var client = BayeuxClient.longPolling(gitter.bayeux())) {
      client.handshake(carol);
      JsonObject refused = client.subscribe(channel(privateRoom), JsonValue.TRUE);
      assertThat(refused.getBoolean("successful")).isFalse();
      assertThat(refused.getString("error")).startsWith("403::");
    }
    String privateHook = createHook(privateRoom, "private").getString("url");
    assertThat(post(privateHook, "{\"message\":\"secret plans\"}").statusCode()).isEqualTo(200);
    assertThat(events(privateRoom, alice)).hasSize(1);
    assertThat(call("GET", "/rooms/" + privateRoom + "/events", carol, null).statusCode())
        .isIn(403, 404);
  }

  @Test
  void eachHookIsRateLimited() {
    String roomId = community(alice).getJsonObject("defaultRoom").getString("id");
    String busy = createHook(roomId, "busy").getString("url");
    String quiet = createHook(roomId, "quiet").getString("url");
    int accepted = 0;
    HttpResponse<String> last = null;
    for (int i = 0; i < 12; i++) {
      last = post(busy, "{\"message\":\"tick " + i + "\"}");
      if (last.statusCode() == 200) {
        accepted++;
      } else {
        break;
      }
    }
    assertThat(accepted).as("the test environment allows 10 a minute").isEqualTo(10);
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
    assertThat(Http.object(last).getString("error")).contains("Too many");
    assertThat(post(busy, "{\"message\":\"again\"}").statusCode()).isEqualTo(429);
    assertThat(post(quiet, "{\"message\":\"other hook\"}").statusCode()).isEqualTo(200);
    assertThat(events(roomId, alice)).hasSize(11);
  }

  @Test
  void adminsCreateAndRevokeHooksInRoomSettingsAndTheActivityPanelIsLive() throws Exception {
    String username = "hweb" + UUID.randomUUID().toString().substring(0, 6);
    SharedInstance.newUser(username, "--password", PASSWORD);
    ChromeDriver driver = browsers.open();
    new SignInPage(driver, base).open().signIn(username, PASSWORD);
    RoomPage room =
        new RoomsPage(driver, base).createCommunity("hc" + username.substring(4), "Hook Team");
    String roomId = room.roomId();
    driver.get(base + "/room-settings.xhtml?id=" + roomId);
    Browser.await(driver, By.id("newintegration:name")).sendKeys("GitHub");
    driver.findElement(By.id("newintegration:create")).click();
    String url = Browser.awaitAnyText(driver, By.id("hook-url"));
    assertThat(url).startsWith(base + "/api/private/hook/");
    Browser.awaitText(driver, By.cssSelector("#integration-list .integration-name"), "GitHub");
    driver.manage().window().setSize(new Dimension(1366, 768));
    driver.executeScript("document.getElementById('integrations-title').scrollIntoView();");
    shot(driver, "integrations-settings-1366x768");
    assertThat(Axe.seriousViolations(driver)).as("room settings with a new webhook").isEmpty();

    driver.get(base + "/room.xhtml?id=" + roomId);
    new RoomPage(driver, base).awaitLive();
    post(url, "{\"message\":\"Build **green** on main\",\"icon\":\"check\"}");
    post(
        url,
        "{\"action\":\"opened\",\"pull_request\":{\"number\":12,\"title\":\"Add dark theme\","
            + "\"html_url\":\"https://github.com/acme/app/pull/12\"},"
            + "\"repository\":{\"full_name\":\"acme/app\"},\"sender\":{\"login\":\"ann\"}}",
        "X-GitHub-Event",
        "pull_request");
    Browser.awaitText(driver, By.cssSelector("#activity .activity-event"), "Add dark theme");
    assertThat(driver.findElements(By.cssSelector("#activity .activity-event"))).hasSize(2);
    assertThat(driver.findElement(By.cssSelector("#activity .activity-event strong")).getText())
        .isEqualTo("ann");
    assertThat(Axe.seriousViolations(driver)).as("the room with its activity").isEmpty();
    for (Dimension size :
        new Dimension[] {
          new Dimension(1366, 768), new Dimension(1920, 1080), new Dimension(390, 844)
        }) {
      driver.manage().window().setSize(size);
      driver.get(base + "/room.xhtml?id=" + roomId);
      new RoomPage(driver, base).awaitLive();
      if (size.width < 600) {
        // on a phone the right column opens over the chat
        Browser.await(driver, By.id("toolbar-toggle")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
            .until(d -> d.findElement(By.id("activity")).isDisplayed());
      }
      // the snapshot of the events channel fills the panel of a page opened later
      Browser.awaitText(driver, By.cssSelector("#activity .activity-event"), "Add dark theme");
      ((ChromeDriver) driver)
          .executeScript("document.getElementById('activity-title').scrollIntoView();");
      shot(driver, "activity-" + size.width + "x" + size.height);
    }

    driver.manage().window().setSize(new Dimension(1366, 768));
    driver.get(base + "/room-settings.xhtml?id=" + roomId);
    Browser.await(driver, By.cssSelector("#integration-list input[type=submit]")).click();
    Browser.await(driver, By.id("confirm-ok")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> d.findElements(By.cssSelector("#integration-list li")).isEmpty());
    assertThat(post(url, "{\"message\":\"after revoking\"}").statusCode()).isEqualTo(404);
  }

  static void shot(WebDriver driver, String name) throws java.io.IOException {
    Files.createDirectories(Browser.SCREENSHOTS);
    Files.write(
        Browser.SCREENSHOTS.resolve(name + ".png"),
        ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
  }
}
