package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gitterjakarta.st.WebPages.RoomPage;
import org.gitterjakarta.st.WebPages.RoomsPage;
import org.gitterjakarta.st.WebPages.SignUpPage;
import org.gitterjakarta.testsupport.http.Http;
import org.gitterjakarta.testsupport.launcher.GitterRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Exports (a person's data, a room's history for its admins) through the API and the web pages'
 * download links, and {@code ./gitter import} of such a file or of Gitter API pages into a new
 * room: once, then again without duplicates, with placeholder authors; a broken file names its line
 * and stores nothing.
 */
class ExportImportIT {

  static final String NDJSON = "application/x-ndjson";

  @RegisterExtension final Browser browsers = new Browser();

  static GitterRun gitter;
  static String base;

  @BeforeAll
  static void instance() {
    gitter = SharedInstance.get();
    base = gitter.uri("").toString().replaceAll("/$", "");
  }

  static String name(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 6);
  }

  static HttpResponse<String> export(String path, String token, String... headers) {
    return Api.call("GET", "/export" + path, token, null);
  }

  /** Every line of an NDJSON body, each parsed as one JSON object. */
  static List<JsonObject> lines(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(NDJSON);
    assertThat(response.body()).endsWith("\n");
    List<JsonObject> objects = new ArrayList<>();
    for (String line : response.body().split("\n")) {
      objects.add(Json.createReader(new java.io.StringReader(line)).readObject());
    }
    return objects;
  }

  static String me(String token) {
    return Api.ok(Api.call("GET", "/user/me", token, null)).getString("id");
  }

  @Test
  void aPersonDownloadsTheirOwnDataAndNobodyElses() {
    String ann = name("xa");
    String annToken = SharedInstance.newUser(ann);
    String bobToken = SharedInstance.newUser(name("xb"));
    String roomId = Api.defaultRoomOf(annToken);
    String first = Api.send(roomId, annToken, "first from ann").getString("id");
    Api.reply(roomId, annToken, first, "a reply in the thread");
    Api.send(Api.defaultRoomOf(bobToken), bobToken, "bob elsewhere");

    var profile = lines(export("/user/me/me.ndjson", annToken));
    assertThat(profile)
        .singleElement()
        .satisfies(u -> assertThat(u.getString("username")).isEqualTo(ann));
    assertThat(lines(export("/user/me/rooms.ndjson", annToken)))
        .extracting(r -> r.getString("id"))
        .contains(roomId);
    var mine = lines(export("/user/" + me(annToken) + "/messages.ndjson", annToken));
    assertThat(mine)
        .extracting(m -> m.getString("text"))
        .containsExactly("first from ann", "a reply in the thread");
    // Gitter's message shape: ids, markdown and HTML, ISO dates, the sender as a user object
    JsonObject message = mine.get(1);
    assertThat(message.getString("id")).matches("[0-9a-f]{24}");
    assertThat(message.getString("parentId")).isEqualTo(first);
    assertThat(message.getString("html")).contains("a reply");
    assertThat(Instant.parse(message.getString("sent"))).isBefore(Instant.now().plusSeconds(5));
    assertThat(message.getJsonObject("fromUser").getString("username")).isEqualTo(ann);
    assertThat(message.getInt("v")).isEqualTo(1);
    var download = export("/user/me/messages.ndjson", annToken);
    assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
        .isEqualTo("attachment; filename=\"messages.ndjson\"");

    Api.assertError(
        export("/user/" + me(annToken) + "/messages.ndjson", bobToken), 403, "Forbidden");
    Api.assertError(export("/user/me/passwords.ndjson", annToken), 404, "No such export");
    var anonymous = Http.get(gitter.uri("/api/v1/export/user/me/me.ndjson"));
    Api.assertError(anonymous, 401, "Unauthorized");
    var jsonOnly =
        Http.send(
            Http.apiRequest(gitter.uri("/api/v1/export/user/me/me.ndjson"), "GET", annToken, null),
            "Accept",
            "application/json");
    Api.assertError(jsonOnly, 406, "Not Acceptable");
  }

  @Test
  void onlyRoomAdminsDownloadARoom() {
    String adminToken = SharedInstance.newUser(name("xc"));
    String memberToken = SharedInstance.newUser(name("xd"));
    String outsiderToken = SharedInstance.newUser(name("xe"));
    String publicRoom = Api.defaultRoomOf(adminToken);
    Api.join(publicRoom, memberToken);
    String hello = Api.send(publicRoom, memberToken, "hello admins").getString("id");
    Api.reply(publicRoom, adminToken, hello, "hello member");
    String privateRoom = Api.privateRoom(adminToken);
    Api.send(privateRoom, adminToken, "private words");

    var history = lines(export("/rooms/" + publicRoom + "/messages.ndjson", adminToken));
    assertThat(history)
        .extracting(m -> m.getString("text"))
        .containsExactly("hello admins", "hello member");
    assertThat(history.get(1).getString("parentId")).isEqualTo(hello);
    assertThat(lines(export("/rooms/" + publicRoom + "/users.ndjson", adminToken)))
        .extracting(u -> u.getString("id"))
        .containsExactlyInAnyOrder(me(adminToken), me(memberToken));
    assertThat(lines(export("/rooms/" + privateRoom + "/messages.ndjson", adminToken)))
        .extracting(m -> m.getString("text"))
        .containsExactly("private words");

    Api.assertError(
        export("/rooms/" + publicRoom + "/messages.ndjson", memberToken), 403, "Only room admins");
    Api.assertError(
        export("/rooms/" + publicRoom + "/users.ndjson", outsiderToken), 403, "Only room admins");
    Api.assertError(
        export("/rooms/" + privateRoom + "/messages.ndjson", outsiderToken), 403, "access");
    Api.assertError(export("/rooms/" + "0".repeat(24) + "/messages.ndjson", adminToken), 404, "");
    Api.assertError(export("/rooms/nothex/messages.ndjson", adminToken), 400, "");
  }

  /** {@code ./gitter import} against the shared instance's stores; its output, or the failure. */
  static String importFile(Path file, String room, String... options) {
    List<String> args = new ArrayList<>(List.of("import", file.toString(), "--room", room));
    args.addAll(List.of(options));
    return Launcher.SCRIPT.call(
        Duration.ofMinutes(3), SharedInstance.environment(), args.toArray(String[]::new));
  }

  static Path write(String name, String content) throws IOException {
    Path file = Launcher.WORK.resolve("imports").resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  static List<JsonObject> historyOf(String roomId, String token) {
    return Api.okArray(
            Api.call(
                "GET",
                "/rooms/" + roomId + "/chatMessages?limit=100&includeThreads=true",
                token,
                null))
        .getValuesAs(JsonObject.class);
  }

  static String roomIdOf(String uri, String token) {
    return Api.ok(Api.call("POST", "/rooms", token, "{\"uri\":\"" + uri + "\"}")).getString("id");
  }

  @Test
  void anExportImportsIntoANewRoomOnceWithPlaceholderAuthors() throws IOException {
    String adminToken = SharedInstance.newUser(name("xf"));
    JsonObject community = Api.community(adminToken);
    String source = community.getJsonObject("defaultRoom").getString("id");
    String parent = Api.send(source, adminToken, "the **first** word").getString("id");
    Api.reply(source, adminToken, parent, "a threaded answer");
    Api.send(source, adminToken, "the last word");
    Path file =
        write(
            name("room") + ".ndjson",
            export("/rooms/" + source + "/messages.ndjson", adminToken).body());

    String target = community.getString("uri") + "/imported";
    assertThat(importFile(file, target))
        .contains("Created room " + target)
        .contains("3 of 3 messages imported");
    assertThat(importFile(file, target)).contains("0 of 3 messages imported, 3 were there already");

    String imported = roomIdOf(target, adminToken);
    var copy = historyOf(imported, adminToken);
    var original = historyOf(source, adminToken);
    assertThat(copy)
        .extracting(m -> m.getString("text"))
        .containsExactlyElementsOf(original.stream().map(m -> m.getString("text")).toList());
    assertThat(copy)
        .extracting(m -> m.getString("sent"))
        .containsExactlyElementsOf(original.stream().map(m -> m.getString("sent")).toList());
    assertThat(copy.get(0).getString("html")).contains("<strong>first</strong>");
    assertThat(copy.get(1).getString("parentId")).isEqualTo(copy.get(0).getString("id"));
    assertThat(copy)
        .extracting(m -> m.getString("id"))
        .doesNotContainAnyElementsOf(original.stream().map(m -> m.getString("id")).toList());

    // Gitter API pages (JSON arrays, one after the other) by people this site does not know
    String stranger = name("gone");
    String pages =
        "["
            + gitterMessage("5e0a00000000000000000001", stranger, "from the old days")
            + "]\n"
            + "["
            + gitterMessage("5e0a00010000000000000002", stranger, "still here")
            + ","
            + gitterMessage("5e0a00020000000000000003", ghostOnTheOtherSite(), "said and gone")
            + "]";
    String archived = community.getString("uri") + "/archived";
    Path pagesFile = write(name("pages") + ".json", pages);
    assertThat(importFile(pagesFile, archived, "--public"))
        .contains("3 of 3 messages imported")
        .contains("2 placeholder accounts made");
    assertThat(importFile(pagesFile, archived, "--public"))
        .contains("0 of 3 messages imported, 3 were there already")
        .contains("0 placeholder accounts made");
    var imports = historyOf(roomIdOf(archived, adminToken), adminToken);
    assertThat(imports.subList(0, 2))
        .extracting(m -> m.getJsonObject("fromUser").getString("username"))
        .containsOnly(stranger);
    // a sender removed on the other site stays removed here: a ghost, not a new active account
    JsonObject ghost = imports.get(2).getJsonObject("fromUser");
    assertThat(ghost.getString("displayName")).isEqualTo("Ghost");
    assertThat(ghost.getBoolean("removed")).isTrue();
    assertThat(
            Api.call("GET", "/users/" + ghost.getString("username"), adminToken, null).statusCode())
        .isEqualTo(404);
    assertThat(
            Api.ok(Api.call("GET", "/users/" + stranger, adminToken, null))
                .getString("displayName"))
        .isEqualTo("Old " + stranger);
    // a placeholder has no password: nobody signs in as it
    assertThat(new SignInForm(gitter, "203.0.113.77").signIn(stranger, "")).isNotBlank();
  }

  static String gitterMessage(String id, String username, String text) {
    return gitterMessage(
        id,
        Json.createObjectBuilder()
            .add("id", "x")
            .add("username", username)
            .add("displayName", "Old " + username)
            .build(),
        text);
  }

  /** How Gitter's API names the sender of a message whose account was deleted as a ghost. */
  static JsonObject ghostOnTheOtherSite() {
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    return Json.createObjectBuilder()
        .add("id", id)
        .add("username", "ghost~" + id)
        .add("displayName", "Ghost")
        .add("removed", true)
        .build();
  }

  static String gitterMessage(String id, JsonObject sender, String text) {
    return Json.createObjectBuilder()
        .add("id", id)
        .add("text", text)
        .add("html", "<script>ignored</script>")
        .add("sent", "2020-01-01T10:00:00.000Z")
        .add("fromUser", sender)
        .add("unread", false)
        .add("readBy", 3)
        .build()
        .toString();
  }

  @Test
  void aBrokenFileNamesItsLineAndStoresNothingUntilFixed() throws IOException {
    String adminToken = SharedInstance.newUser(name("xg"));
    String communityUri = Api.community(adminToken).getString("uri");
    String good = gitterMessage("5e0b00000000000000000001", "someone" + name(""), "fine");
    String good2 = gitterMessage("5e0b00000000000000000002", "someone" + name(""), "fine too");
    String target = communityUri + "/broken";
    Path broken =
        write(name("broken") + ".ndjson", good + "\n" + good2 + "\n{\"id\": \"5e0b\", \"text\"\n");

    assertThatThrownBy(() -> importFile(broken, target))
        .hasMessageContaining("line 3:")
        .hasMessageContaining("broken");
    Api.assertError(
        Api.call("POST", "/rooms", adminToken, "{\"uri\":\"" + target + "\"}"), 404, "");
    assertThatThrownBy(
            () ->
                importFile(
                    write(
                        name("nosender") + ".ndjson",
                        good
                            + "\n{\"id\":\"5e0b00000000000000000003\",\"text\":\"x\",\"sent\":\"2020-01-01T00:00:00Z\"}"),
                    target))
        .hasMessageContaining("line 2: message 5e0b00000000000000000003 has no sender");

    Path notText = write(name("latin1") + ".ndjson", good + "\n");
    Files.write(
        notText,
        new byte[] {'{', '"', (byte) 0xe9, '"', '}', '\n'},
        java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> importFile(notText, target))
        .hasMessageContaining("line 2: the file is not UTF-8 text");

    Path fixed = write(name("fixed") + ".ndjson", good + "\n" + good2 + "\n");
    assertThat(importFile(fixed, target)).contains("2 of 2 messages imported");
  }

  /**
   * A room of a few thousand messages (imported, which is quick) downloads whole, in order, as a
   * stream: the response has no length (it is written while the room is read in batches).
   */
  @Test
  void aLargeRoomDownloadsAsAStream() throws Exception {
    String adminToken = SharedInstance.newUser(name("xh"));
    String communityUri = Api.community(adminToken).getString("uri");
    int count = 3_000;
    long start = Instant.parse("2021-03-01T00:00:00Z").getEpochSecond();
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String id = String.format("%08x%010x%06x", start + i / 3, 0xabcL, i);
      lines.append(
          Json.createObjectBuilder()
              .add("id", id)
              .add("text", "message " + i)
              .add("sent", Instant.ofEpochSecond(start + i / 3).toString())
              .add(
                  "fromUser",
                  Json.createObjectBuilder()
                      .add("username", "author" + (i % 7) + "x" + communityUri))
              .build()
              .toString());
      lines.append('\n');
    }
    String target = communityUri + "/large";
    assertThat(importFile(write(name("large") + ".ndjson", lines.toString()), target))
        .contains(count + " of " + count + " messages imported");
    String roomId = roomIdOf(target, adminToken);

    HttpResponse<java.io.InputStream> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        gitter.uri("/api/v1/export/rooms/" + roomId + "/messages.ndjson"))
                    .header("Authorization", "Bearer " + adminToken)
                    .timeout(Duration.ofSeconds(60))
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Length")).isEmpty();
    int read = 0;
    String previous = "";
    try (var body =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      for (String line = body.readLine(); line != null; line = body.readLine()) {
        JsonObject message = Json.createReader(new java.io.StringReader(line)).readObject();
        assertThat(message.getString("text")).isEqualTo("message " + read);
        assertThat(message.getString("id")).isGreaterThan(previous);
        previous = message.getString("id");
        read++;
      }
    }
    assertThat(read).isEqualTo(count);
  }

  /** The settings pages link to the downloads, which the sign-in cookie opens. */
  @Test
  void settingsPagesLinkToTheDownloads() throws Exception {
    ChromeDriver driver = browsers.open();
    new SignUpPage(driver, base).open().signUp(name("xw"), "password123");
    assertThat(new RoomsPage(driver, base).isShown()).isTrue();
    RoomPage room = new RoomsPage(driver, base).createCommunity(name("xwc"), "Export Team");
    room.say("words to keep");
    room.awaitMessage("words to keep");
    String roomId = room.roomId();

    driver.get(base + "/settings.xhtml");
    String personal = Browser.await(driver, By.id("export-messages")).getDomProperty("href");
    assertThat(personal).endsWith("/api_web/export/user/me/messages.ndjson");
    driver.get(base + "/room-settings.xhtml?id=" + roomId);
    String history = Browser.await(driver, By.id("export-messages")).getDomProperty("href");
    assertThat(history).endsWith("/api_web/export/rooms/" + roomId + "/messages.ndjson");

    gallery(driver, "room-settings-export", base + "/room-settings.xhtml?id=" + roomId);
    gallery(driver, "settings-export", base + "/settings.xhtml");

    Cookie signIn = driver.manage().getCookieNamed("gitter_session");
    var mine = asBrowser(personal, signIn);
    assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
    assertThat(mine.body()).contains("words to keep");
    assertThat(mine.headers().firstValue("Content-Disposition").orElse(""))
        .contains("messages.ndjson");
    assertThat(asBrowser(history, signIn).body()).contains("words to keep");

    // another person's browser: not their room to take; signed out: sign in first
    WebDriver other = browsers.open();
    new SignUpPage(other, base).open().signUp(name("xv"), "password123");
    assertThat(new RoomsPage(other, base).isShown()).isTrue();
    var refused = asBrowser(history, other.manage().getCookieNamed("gitter_session"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(Http.object(refused).getString("error")).contains("Only room admins");
    var signedOut = Http.get(java.net.URI.create(personal));
    assertThat(signedOut.statusCode()).isEqualTo(401);
    assertThat(Http.object(signedOut).getString("error")).contains("Sign in");
  }

  /** The export section of the page in view, at the three sizes the web app is checked at. */
  static void gallery(ChromeDriver driver, String name, String page) throws IOException {
    for (var size :
        List.of(new Dimension(1366, 768), new Dimension(1920, 1080), new Dimension(390, 844))) {
      driver.manage().window().setSize(size);
      driver.get(page);
      Browser.await(driver, By.id("export"));
      driver.executeScript("document.getElementById('export').scrollIntoView({block: 'center'})");
      WebAppIT.gallery(driver, name + "-" + size.width + "x" + size.height);
    }
    driver.manage().window().setSize(new Dimension(1280, 900));
  }

  static HttpResponse<String> asBrowser(String address, Cookie cookie) {
    return Http.get(
        java.net.URI.create(address), "Cookie", cookie.getName() + "=" + cookie.getValue());
  }
}
