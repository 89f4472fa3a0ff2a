package org.gitterjakarta.st;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.gitterjakarta.st.WebPages.ExplorePage;
import org.gitterjakarta.st.WebPages.RoomPage;
import org.gitterjakarta.st.WebPages.RoomsPage;
import org.gitterjakarta.st.WebPages.SettingsPage;
import org.gitterjakarta.st.WebPages.SignUpPage;
import org.gitterjakarta.testsupport.http.Http;
import org.gitterjakarta.testsupport.launcher.GitterRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The web UI in real browsers (headless Chromium) against the running instance: signing up, two
 * people chatting live, unread badges, and the refusals (signed-out visitors, other people's
 * private rooms, forged posts).
 */
class WebChatIT {

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

  RoomsPage signedUp(WebDriver driver, String username) {
    new SignUpPage(driver, base).open().signUp(username, "password123");
    RoomsPage rooms = new RoomsPage(driver, base);
    assertThat(rooms.isShown()).isTrue();
    return rooms;
  }

  @Test
  void signUpExplainsWhatIsWrongThenSignsIn() {
    WebDriver driver = browsers.open();
    String username = name("web");
    SignUpPage page = new SignUpPage(driver, base).open();

    page.signUp(username, "short");
    assertThat(page.error()).contains("8 to 200 characters");
    page.open().signUp("x", "password123");
    assertThat(page.error()).contains("2");

    signedUp(driver, username);
    SignUpPage again = new SignUpPage(browsers.open(), base).open();
    again.signUp(username.toUpperCase(), "password123");
    assertThat(again.error()).contains("taken");
  }

  @Test
  void signInExplainsRefusalsAndThrottlesGuessing() {
    String username = name("si");
    signedUp(browsers.open(), username);
    WebDriver driver = browsers.open();
    var page = new WebPages.SignInPage(driver, base).open();

    page.signIn(username, "");
    assertThat(page.error()).contains("Enter your password");
    page.open().signIn(username, "wrong-password");
    assertThat(page.error()).isEqualTo("Wrong username or password");
    page.open().signIn("nobody" + username, "password123");
    assertThat(page.error()).isEqualTo("Wrong username or password");
    page.open().signIn(username, "password123");
    assertThat(new RoomsPage(driver, base).isShown()).isTrue();

    WebDriver guesser = browsers.open();
    var guessing = new WebPages.SignInPage(guesser, base);
    for (int i = 0; i < 5; i++) {
      guessing.open().signIn(username, "guess" + i);
      assertThat(guessing.error()).isNotBlank();
    }
    guessing.open().signIn(username, "password123");
    assertThat(guessing.error()).startsWith("Too many failed attempts");
  }

  @Test
  void twoPeopleChatLiveWithoutReloading() {
    WebDriver aliceBrowser = browsers.open();
    WebDriver bobBrowser = browsers.open();
    RoomPage alice = signedUp(aliceBrowser, name("wa")).createCommunity(name("wc"), "Web Team");
    signedUp(bobBrowser, name("wb"));
    RoomPage bob = new RoomPage(bobBrowser, base).open(alice.roomId()).join();

    alice.say("hello from alice");
    bob.awaitMessage("hello from alice");
    bob.say("hi alice");
    alice.awaitMessage("hi alice");

    String id = Api.send(alice.roomId(), alice.token(), "to be changed").getString("id");
    bob.awaitMessage("to be changed");
    Api.ok(
        Api.call(
            "PUT",
            "/rooms/" + alice.roomId() + "/chatMessages/" + id,
            alice.token(),
            "{\"text\":\"changed\"}"));
    Browser.await(bobBrowser, By.cssSelector("li.edited[data-id='" + id + "']"));
    Api.call("DELETE", "/rooms/" + alice.roomId() + "/chatMessages/" + id, alice.token(), null);
    new org.openqa.selenium.support.ui.WebDriverWait(bobBrowser, java.time.Duration.ofSeconds(15))
        .until(d -> d.findElements(By.cssSelector("li[data-id='" + id + "']")).isEmpty());

    String parent = Api.send(alice.roomId(), alice.token(), "start a thread").getString("id");
    bob.awaitMessage("start a thread");
    bob.openThread(parent);
    alice.openThread(parent);
    alice.reply("a reply in the thread");
    bob.awaitReply("a reply in the thread");
    Browser.awaitText(
        bobBrowser, By.cssSelector("li[data-id='" + parent + "'] .thread-open"), "1 reply");
    assertThat(bob.shows("a reply in the thread"))
        .as("replies stay out of the main list")
        .isFalse();
  }

  @Test
  void reactsToMessagesAndShowsWhoIsTypingLive() {
    WebDriver aliceBrowser = browsers.open();
    WebDriver bobBrowser = browsers.open();
    RoomPage alice = signedUp(aliceBrowser, name("ra")).createCommunity(name("rc"), "React Team");
    signedUp(bobBrowser, name("rb"));
    RoomPage bob = new RoomPage(bobBrowser, base).open(alice.roomId()).join().awaitLive();
    alice.awaitLive();
    String id = Api.send(alice.roomId(), alice.token(), "we shipped it").getString("id");
    bob.awaitMessage("we shipped it");

    bob.action(id, "react");
    Browser.await(bobBrowser, By.cssSelector(".reaction-picker button[data-name='tada']")).click();
    String chip = "#chat-messages li[data-id='" + id + "'] .reaction[data-name='tada']";
    Browser.awaitText(aliceBrowser, By.cssSelector(chip + " .reaction-count"), "1");
    assertThat(Browser.await(aliceBrowser, By.cssSelector(chip)).getDomAttribute("aria-pressed"))
        .isEqualTo("false");
    Browser.await(aliceBrowser, By.cssSelector(chip)).click();
    Browser.awaitText(bobBrowser, By.cssSelector(chip + " .reaction-count"), "2");
    new org.openqa.selenium.support.ui.WebDriverWait(aliceBrowser, java.time.Duration.ofSeconds(10))
        .until(
            d ->
                "true".equals(d.findElement(By.cssSelector(chip)).getDomAttribute("aria-pressed")));
    Browser.await(bobBrowser, By.cssSelector(chip)).click();
    Browser.awaitText(aliceBrowser, By.cssSelector(chip + " .reaction-count"), "1");
    bobBrowser.navigate().refresh();
    Browser.awaitText(bobBrowser, By.cssSelector(chip + " .reaction-count"), "1");
    Browser.screenshots(bobBrowser, "reactions");

    var composer = Browser.await(bobBrowser, By.id("composer-text"));
    composer.sendKeys("I am writing");
    Browser.awaitText(aliceBrowser, By.id("typing"), "is typing");
    composer.sendKeys(Keys.ENTER);
    alice.awaitMessage("I am writing");
    new org.openqa.selenium.support.ui.WebDriverWait(aliceBrowser, java.time.Duration.ofSeconds(10))
        .until(d -> d.findElement(By.id("typing")).getText().isEmpty());
  }

  @Test
  void marksTheFirstUnreadMessageAndRunsSlashCommands() {
    WebDriver aliceBrowser = browsers.open();
    WebDriver bobBrowser = browsers.open();
    RoomPage alice = signedUp(aliceBrowser, name("ma")).createCommunity(name("mc"), "Marker");
    signedUp(bobBrowser, name("mb"));
    RoomPage bob = new RoomPage(bobBrowser, base).open(alice.roomId()).join();
    bobBrowser.get(base + "/rooms.xhtml");
    Api.send(alice.roomId(), alice.token(), "while you were away");
    Api.send(alice.roomId(), alice.token(), "and more");

    bob.open(alice.roomId()).awaitLive();
    assertThat(
            Browser.await(bobBrowser, By.cssSelector("#chat-messages .first-unread .body"))
                .getText())
        .isEqualTo("while you were away");

    alice.say("/topic Plans for the week");
    Browser.awaitText(aliceBrowser, By.id("room-topic"), "Plans for the week");
    alice.say("/notify-mute");
    Browser.awaitStatus(aliceBrowser, "Notifications: Mute");
    assertThat(aliceBrowser.findElement(By.id("notify-mode")).getDomProperty("value"))
        .as("the actions menu shows the mode set by the command")
        .isEqualTo("mute");
  }

  @Test
  void updatesUnreadAndMentionBadgesLive() {
    WebDriver aliceBrowser = browsers.open();
    WebDriver bobBrowser = browsers.open();
    RoomPage alice = signedUp(aliceBrowser, name("ua")).createCommunity(name("uc"), "Badges");
    String bobName = name("ub");
    RoomsPage bobRooms = signedUp(bobBrowser, bobName);
    new RoomPage(bobBrowser, base).open(alice.roomId()).join();
    bobRooms.open();
    Browser.await(bobBrowser, By.cssSelector("body[data-live='true']"));

    Api.send(alice.roomId(), alice.token(), "one");
    Api.send(alice.roomId(), alice.token(), "two @" + bobName);

    String room = "li[data-room-id='" + alice.roomId() + "']";
    Browser.awaitText(bobBrowser, By.cssSelector(room + " .badge.unread"), "2");
    Browser.awaitText(bobBrowser, By.cssSelector(room + " .badge.mention"), "@1");
    bobRooms.open();
    assertThat(bobRooms.unreadBadge(alice.roomId())).as("after a reload too").isEqualTo("2");
  }

  @Test
  void changesModesLeavesRoomsAndManagesTokensAndPassword() {
    WebDriver driver = browsers.open();
    RoomPage room = signedUp(driver, name("set")).createCommunity(name("sc"), "Settings");
    String roomId = room.roomId();
    room.setMode("mute");
    assertThat(
            Api.ok(
                    Api.call(
                        "GET",
                        "/user/me/rooms/" + roomId + "/settings/notifications",
                        room.token(),
                        null))
                .getString("mode"))
        .isEqualTo("mute");

    driver.get(base + "/settings.xhtml");
    Browser.await(driver, By.id("newtoken:name")).sendKeys("my script");
    driver.findElement(By.id("newtoken:create")).click();
    String token = Browser.await(driver, By.id("issued-token")).getText();
    assertThat(Api.call("GET", "/user/me", token, null).statusCode()).isEqualTo(200);
    assertThat(driver.findElement(By.id("token-list")).getText()).contains("my script");
    driver.findElement(By.cssSelector("#token-list input[type='submit']")).click();
    Browser.awaitText(driver, By.id("messages"), "Token revoked");
    assertThat(Api.call("GET", "/user/me", token, null).statusCode()).isEqualTo(401);

    driver.findElement(By.id("password:current")).sendKeys("wrong-password");
    driver.findElement(By.id("password:replacement")).sendKeys("another-password");
    driver.findElement(By.id("password:change")).click();
    Browser.awaitText(driver, By.id("messages"), "current password is not right");
    driver.findElement(By.id("password:current")).sendKeys("password123");
    driver.findElement(By.id("password:replacement")).sendKeys("another-password");
    driver.findElement(By.id("password:change")).click();
    Browser.awaitText(driver, By.id("messages"), "Password changed");

    room.open(roomId).awaitLive().leave();
    assertThat(new RoomsPage(driver, base).isShown()).isTrue();
    assertThat(driver.findElements(By.cssSelector("li[data-room-id='" + roomId + "']"))).isEmpty();
  }

  @Test
  void refusesSignedOutVisitorsAndOutsiders() throws Exception {
    WebDriver visitor = browsers.open();
    visitor.get(base + "/rooms.xhtml");
    Browser.await(visitor, By.id("signin:username"));
    assertThat(visitor.getCurrentUrl()).contains("signin.xhtml");

    String ownerToken = SharedInstance.newUser(name("po"));
    String groupId = Api.community(ownerToken).getString("id");
    String secret =
        Api.ok(
                Api.call(
                    "POST",
                    "/groups/" + groupId + "/rooms",
                    ownerToken,
                    "{\"name\":\"inner\",\"security\":{\"security\":\"PRIVATE\"}}"))
            .getString("id");
    WebDriver outsider = browsers.open();
    signedUp(outsider, name("out"));
    outsider.get(base + "/room.xhtml?id=" + secret);
    assertThat(Browser.await(outsider, By.id("notfound")).getText()).isEqualTo("Not found");
    assertThat(outsider.getPageSource()).doesNotContain("inner");
  }

  @Test
  void publicArchivesAreReadSignedOutAndPrivateOnesAreNot() {
    String owner = SharedInstance.newUser(name("ar"));
    var group = Api.community(owner);
    String roomUri = group.getJsonObject("defaultRoom").getString("uri");
    String roomId = group.getJsonObject("defaultRoom").getString("id");
    Api.send(roomId, owner, "for the **record**");
    String secretUri =
        Api.ok(
                Api.call(
                    "POST",
                    "/groups/" + group.getString("id") + "/rooms",
                    owner,
                    "{\"name\":\"closed\",\"security\":{\"security\":\"PRIVATE\"}}"))
            .getString("uri");
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString().replace('-', '/');
    WebDriver visitor = browsers.open();

    visitor.get(base + "/" + roomUri + "/archives");
    Browser.await(visitor, By.cssSelector("#calendar a")).click();
    Browser.awaitText(visitor, By.id("archive-messages"), "for the record");
    assertThat(visitor.findElement(By.cssSelector("#archive-messages strong")).getText())
        .isEqualTo("record");
    // a sender who is still here is not drawn as a removed one (the chat view's muted name)
    var sender = visitor.findElement(By.cssSelector("#archive-messages .sender"));
    assertThat(sender.getCssValue("color"))
        .isEqualTo(
            visitor.findElement(By.cssSelector("#archive-messages .body")).getCssValue("color"));
    assertThat(visitor.findElement(By.id("previous-day")).getDomAttribute("href"))
        .endsWith(
            "/"
                + roomUri
                + "/archives/"
                + java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                    .minusDays(1)
                    .toString()
                    .replace('-', '/'));

    visitor.get(base + "/" + secretUri + "/archives/" + today);
    assertThat(Browser.await(visitor, By.id("notfound")).getText()).isEqualTo("Not found");
    visitor.get(base + "/" + roomUri + "/archives/2001/01/01");
    assertThat(Browser.await(visitor, By.id("notfound")).getText()).isEqualTo("Not found");
  }

  @Test
  void opensRoomsByTheirAddressAndPermalinksAroundAMessage() {
    String owner = SharedInstance.newUser(name("pl"));
    var room = Api.community(owner).getJsonObject("defaultRoom");
    Api.send(room.getString("id"), owner, "before");
    String linked = Api.send(room.getString("id"), owner, "the one linked").getString("id");
    Api.send(room.getString("id"), owner, "after");
    WebDriver visitor = browsers.open();

    visitor.get(base + "/" + room.getString("uri") + "?at=" + linked);

    assertThat(Browser.await(visitor, By.cssSelector("#chat-messages .permalink .body")).getText())
        .isEqualTo("the one linked");
    assertThat(visitor.findElement(By.id("chat-messages")).getText()).contains("before", "after");
    assertThat(visitor.findElement(By.id("composer")).isDisplayed())
        .as("signed out: read only")
        .isFalse();
  }

  @Test
  void showsWhoIsInTheRoomLive() {
    WebDriver aliceBrowser = browsers.open();
    WebDriver bobBrowser = browsers.open();
    RoomPage alice = signedUp(aliceBrowser, name("pa")).createCommunity(name("pc"), "Presence");
    signedUp(bobBrowser, name("pb"));
    new RoomPage(bobBrowser, base).open(alice.roomId()).join();
    String bobId =
        bobBrowser
            .findElement(By.cssSelector("meta[name='gitter-user']"))
            .getDomAttribute("content");

    aliceBrowser.navigate().refresh();
    alice.awaitLive();

    Browser.await(aliceBrowser, By.cssSelector("#people li.in-room[data-user-id='" + bobId + "']"));
    bobBrowser.get(base + "/rooms.xhtml");
    new org.openqa.selenium.support.ui.WebDriverWait(aliceBrowser, java.time.Duration.ofSeconds(15))
        .until(
            d ->
                d.findElements(By.cssSelector("#people li.in-room[data-user-id='" + bobId + "']"))
                    .isEmpty());
  }

  @Test
  void adminsManageTheirRoomAndOthersCannot() {
    WebDriver adminBrowser = browsers.open();
    WebDriver bobBrowser = browsers.open();
    String community = name("rc");
    RoomPage admin = signedUp(adminBrowser, name("ad")).createCommunity(community, "Managed");
    String roomId = admin.roomId();
    String bobName = name("rb");
    signedUp(bobBrowser, bobName);

    bobBrowser.get(base + "/room-settings.xhtml?id=" + roomId);
    assertThat(Browser.await(bobBrowser, By.id("notfound")).getText()).isEqualTo("Not found");

    admin.openActions();
    Browser.await(adminBrowser, By.id("settings")).click();
    var topic = Browser.await(adminBrowser, By.id("details:topic"));
    topic.clear();
    topic.sendKeys("Release planning");
    adminBrowser
        .findElement(By.id("details:welcome"))
        .sendKeys("Welcome! Please read the **rules**.");
    var roomName = adminBrowser.findElement(By.id("details:name"));
    roomName.clear();
    roomName.sendKeys("planning");
    adminBrowser.findElement(By.id("details:save")).click();
    Browser.awaitText(adminBrowser, By.id("messages"), "Room settings saved");
    Browser.awaitText(adminBrowser, By.tagName("h1"), "/planning");

    bobBrowser.get(base + "/" + community + "/community");
    new org.openqa.selenium.support.ui.WebDriverWait(bobBrowser, java.time.Duration.ofSeconds(10))
        .withMessage("the old address leads to the renamed room")
        .until(d -> d.getCurrentUrl().endsWith("/" + community + "/planning"));
    bobBrowser.get(base + "/" + community);
    assertThat(bobBrowser.findElements(By.id("rename:uri"))).as("only admins rename").isEmpty();
    adminBrowser.get(base + "/" + community);
    var address = Browser.await(adminBrowser, By.id("rename:uri"));
    address.clear();
    address.sendKeys(community + "-x");
    adminBrowser.findElement(By.id("rename:save")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(adminBrowser, java.time.Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().endsWith("/" + community + "-x"));
    bobBrowser.get(base + "/" + community + "/planning");
    new org.openqa.selenium.support.ui.WebDriverWait(bobBrowser, java.time.Duration.ofSeconds(10))
        .withMessage("the room moved with its community")
        .until(d -> d.getCurrentUrl().endsWith("/" + community + "-x/planning"));
    adminBrowser.get(base + "/room-settings.xhtml?id=" + roomId);

    new RoomPage(bobBrowser, base).open(roomId);
    assertThat(Browser.await(bobBrowser, By.cssSelector("#welcome strong")).getText())
        .isEqualTo("rules");
    assertThat(bobBrowser.findElement(By.id("room-topic")).getText()).isEqualTo("Release planning");

    Browser.await(adminBrowser, By.id("admins:username")).sendKeys(bobName);
    adminBrowser.findElement(By.id("admins:add")).click();
    Browser.awaitText(adminBrowser, By.id("admin-list"), bobName);

    adminBrowser.findElement(By.id("delete:submit")).click();
    Browser.await(adminBrowser, By.id("confirm-cancel")).click();
    assertThat(Api.call("GET", "/rooms/" + roomId, admin.token(), null).statusCode())
        .as("cancelled: nothing deleted")
        .isEqualTo(200);
    adminBrowser.findElement(By.id("delete:submit")).click();
    Browser.await(adminBrowser, By.id("confirm-ok")).click();
    assertThat(new RoomsPage(adminBrowser, base).isShown()).isTrue();
    adminBrowser.get(base + "/room.xhtml?id=" + roomId);
    assertThat(Browser.await(adminBrowser, By.id("notfound")).getText()).isEqualTo("Not found");
  }

  @Test
  void asksBeforeLettingAnAppActForThePerson() {
    String developer = SharedInstance.newUser(name("dev"));
    String callback = "http://127.0.0.1:9/callback";
    var app =
        Api.ok(
            Api.call(
                "POST",
                "/oauth-clients",
                developer,
                "{\"name\":\"Standup bot\",\"registeredRedirectUri\":\"" + callback + "\"}"));
    String username = name("oa");
    WebDriver driver = browsers.open();
    signedUp(driver, username);
    driver.findElement(By.id("signout:submit")).click();
    Browser.await(driver, By.id("signin-link"));
    String authorize =
        base
            + "/login/oauth/authorize?response_type=code&state=s1&client_id="
            + app.getString("clientKey")
            + "&redirect_uri="
            + java.net.URLEncoder.encode(callback, java.nio.charset.StandardCharsets.UTF_8);

    driver.get(authorize);
    Browser.await(driver, By.id("signin:username")).sendKeys(username);
    driver.findElement(By.id("signin:password")).sendKeys("password123");
    driver.findElement(By.id("signin:submit")).click();
    assertThat(Browser.await(driver, By.id("consent-title")).getText()).contains("Standup bot");
    driver.findElement(By.id("consent:allow")).click();

    new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
        .until(d -> d.getCurrentUrl().startsWith(callback));
    assertThat(driver.getCurrentUrl()).contains("code=").contains("state=s1");
  }

  @Test
  void suggestsMentionsEditsTheLastMessageAndShowsReaders() {
    WebDriver aliceBrowser = browsers.open();
    WebDriver bobBrowser = browsers.open();
    String aliceName = name("ta");
    RoomPage alice = signedUp(aliceBrowser, aliceName).createCommunity(name("tc"), "Typing");
    signedUp(bobBrowser, name("tb"));
    RoomPage bob = new RoomPage(bobBrowser, base).open(alice.roomId()).join();

    var composer = Browser.await(bobBrowser, By.id("composer-text"));
    composer.click();
    composer.sendKeys("thanks @" + aliceName.substring(0, 4));
    Browser.awaitText(bobBrowser, By.id("mention-suggestions"), aliceName);
    composer.sendKeys(org.openqa.selenium.Keys.TAB);
    assertThat(composer.getDomProperty("value")).isEqualTo("thanks @" + aliceName + " ");
    composer.sendKeys(org.openqa.selenium.Keys.ENTER);
    Browser.await(aliceBrowser, By.cssSelector("#chat-messages .mention"));

    alice.say("a tpyo");
    alice.awaitMessage("a tpyo");
    var aliceComposer = aliceBrowser.findElement(By.id("composer-text"));
    aliceComposer.sendKeys(org.openqa.selenium.Keys.ARROW_UP);
    new org.openqa.selenium.support.ui.WebDriverWait(aliceBrowser, java.time.Duration.ofSeconds(10))
        .until(d -> "a tpyo".equals(aliceComposer.getDomProperty("value")));
    aliceComposer.clear();
    aliceComposer.sendKeys("a typo, fixed", org.openqa.selenium.Keys.ENTER);
    bob.awaitMessage("a typo, fixed");
    Browser.await(bobBrowser, By.cssSelector("#chat-messages li.edited"));

    Browser.awaitText(aliceBrowser, By.cssSelector("#chat-messages li.mine .read-by"), "Read by 1");
  }

  @Test
  void searchesTheRoomAndOpensOneToOneChatsFromProfileCards() {
    WebDriver aliceBrowser = browsers.open();
    WebDriver bobBrowser = browsers.open();
    RoomPage alice = signedUp(aliceBrowser, name("sa")).createCommunity(name("sc"), "Search");
    String bobName = name("sb");
    signedUp(bobBrowser, bobName);
    RoomPage bob = new RoomPage(bobBrowser, base).open(alice.roomId()).join();
    Api.send(alice.roomId(), alice.token(), "deploy on friday");
    Api.send(alice.roomId(), alice.token(), "lunch at noon");
    bob.say("hello from bob");
    alice.awaitMessage("hello from bob");

    aliceBrowser.findElement(By.id("room-search-text")).sendKeys("FRI");
    aliceBrowser.findElement(By.cssSelector("#room-search button")).click();
    Browser.awaitText(aliceBrowser, By.id("search-results"), "deploy on friday");
    assertThat(aliceBrowser.findElement(By.id("search-results")).getText()).doesNotContain("lunch");

    // Bob's reading adds "Read by 1" under both of Alice's messages, moving his below: wait for it
    // to settle, or the click may land where his name was a moment before
    new org.openqa.selenium.support.ui.WebDriverWait(aliceBrowser, java.time.Duration.ofSeconds(15))
        .until(
            d ->
                d.findElements(By.cssSelector("#chat-messages li.mine .read-by")).stream()
                        .filter(e -> e.getText().startsWith("Read by"))
                        .count()
                    == 2);
    aliceBrowser
        .findElement(By.cssSelector("#chat-messages .sender[data-username='" + bobName + "']"))
        .click();
    Browser.awaitText(aliceBrowser, By.id("profile-username"), "@" + bobName);
    aliceBrowser.findElement(By.id("profile-chat")).click();
    Browser.awaitText(aliceBrowser, By.id("room-name"), bobName);
    assertThat(aliceBrowser.findElement(By.id("composer")).isDisplayed()).isTrue();
  }

  @Test
  void aRemovedSendersNameStaysAndOpensNoProfile() {
    WebDriver browser = browsers.open();
    RoomPage alice = signedUp(browser, name("ra")).createCommunity(name("rc"), "Removed");
    String early = SharedInstance.newUser(name("re"));
    String late = SharedInstance.newUser(name("rl"));
    Api.join(alice.roomId(), early);
    Api.join(alice.roomId(), late);
    Api.send(alice.roomId(), early, "said early, then gone");
    for (int i = 0; i < 50; i++) {
      Api.send(alice.roomId(), alice.token(), "still here " + i);
    }
    Api.send(alice.roomId(), late, "goodbye, all");
    Api.ok(Api.call("DELETE", "/user/me", early, "{\"ghost\":true}"));
    Api.ok(Api.call("DELETE", "/user/me", late, "{\"ghost\":true}"));

    // the newest 50 are drawn by the page, the older page by the app from the API's JSON
    alice.open(alice.roomId()).awaitMessage("goodbye, all");
    assertLooksRemoved(sender(browser, "goodbye, all"));
    Browser.screenshots(browser, "removed-sender");
    alice.loadOlder();
    alice.awaitMessage("said early, then gone");
    WebElement ghost = sender(browser, "said early, then gone");
    assertLooksRemoved(ghost);
    // the ghost's name does nothing; the next name clicked opens its card, and no error shows
    ghost.click();
    sender(browser, "still here 0").click();
    Browser.awaitText(browser, By.id("profile-username"), "@");
    assertThat(browser.findElement(By.id("profile-name")).getText()).isNotEqualTo("Ghost");
    assertThat(browser.findElement(By.id("composer-error")).isDisplayed()).isFalse();
  }

  private static void assertLooksRemoved(WebElement sender) {
    assertThat(sender.getText()).isEqualTo("Ghost");
    assertThat(sender.getDomAttribute("data-username")).isNullOrEmpty();
    assertThat(sender.getCssValue("cursor")).isEqualTo("default");
  }

  /** The sender's name in the head of the message that says {@code text}. */
  static WebElement sender(WebDriver browser, String text) {
    return browser.findElement(
        By.xpath(
            "//li[contains(@class, 'message')][contains(., '"
                + text
                + "')]//button[contains(@class, 'sender')]"));
  }

  @Test
  void exploresJoinsAndKeepsTheLeftMenuInGittersOrderLive() {
    WebDriver aliceBrowser = browsers.open();
    WebDriver bobBrowser = browsers.open();
    RoomPage lounge = signedUp(aliceBrowser, name("ea")).createCommunity(name("ec"), "Explorers");
    String loungeId = lounge.roomId();
    RoomPage news =
        new WebPages.RoomsPage(aliceBrowser, base)
            .open()
            .createRoom(name("news"), "what is new", "PUBLIC");
    assertThat(aliceBrowser.findElement(By.id("room-topic")).getText()).isEqualTo("what is new");
    String newsId = news.roomId();
    String newsName = news.roomName();
    String secretId =
        new WebPages.RoomsPage(aliceBrowser, base)
            .open()
            .createRoom(name("secret"), "", "PRIVATE")
            .roomId();

    signedUp(bobBrowser, name("eb"));
    ExplorePage explore = new ExplorePage(bobBrowser, base).open();
    assertThat(explore.lists(newsId)).isTrue();
    assertThat(explore.lists(secretId)).isFalse();
    RoomPage bob = explore.join(newsId);
    assertThat(bobBrowser.findElement(By.id("composer")).isDisplayed()).isTrue();
    bob.toggleFavourite();
    assertThat(bob.menuSectionOf(newsId)).isEqualTo("favourites");
    bob = new ExplorePage(bobBrowser, base).open().join(loungeId);
    assertThat(bob.menuSectionOf(loungeId)).isEqualTo("recent");
    bob.setMode("mute");

    // back in the favourite room: the lounge gets news; muted, it lights its dot instead of a badge
    bob = new RoomPage(bobBrowser, base).open(newsId).awaitLive();
    Api.send(loungeId, lounge.token(), "quiet news");
    Browser.await(
        bobBrowser, By.cssSelector("#room-menu li[data-room-id='" + loungeId + "'] .activity"));
    Api.ok(
        Api.call(
            "PUT",
            "/user/me/rooms/" + loungeId + "/settings/notifications",
            bob.token(),
            "{\"mode\":\"all\"}"));
    Api.send(loungeId, lounge.token(), "loud news");
    Browser.await(
        bobBrowser,
        By.cssSelector("#menu-unread li[data-room-id='" + loungeId + "'] .badge.unread"));
    assertThat(bob.menuSectionOf(newsId)).isEqualTo("favourites");

    // Ctrl+Shift+1 opens the first room of the menu: the favourite
    new RoomPage(bobBrowser, base).open(loungeId).awaitLive();
    new org.openqa.selenium.interactions.Actions(bobBrowser)
        .keyDown(Keys.CONTROL)
        .keyDown(Keys.SHIFT)
        .sendKeys("1")
        .keyUp(Keys.SHIFT)
        .keyUp(Keys.CONTROL)
        .perform();
    Browser.awaitText(bobBrowser, By.id("room-name"), newsName);
  }

  @Test
  void loadsOlderPagesGroupsHighlightsAndSwitchesComposeMode() {
    WebDriver browser = browsers.open();
    RoomPage alice = signedUp(browser, name("ha")).createCommunity(name("hc"), "History");
    for (int i = 0; i < 55; i++) {
      Api.send(alice.roomId(), alice.token(), "old message " + i);
    }
    Api.send(alice.roomId(), alice.token(), "```java\nint answer = 42;\n```");
    alice.open(alice.roomId()).awaitLive();
    assertThat(alice.messageCount()).isEqualTo(50);
    assertThat(browser.findElements(By.cssSelector("#chat-messages li.day")))
        .as("a date separator")
        .isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#chat-messages li.continuation"))).isNotEmpty();
    Browser.await(browser, By.cssSelector("#chat-messages pre code.hljs"));

    alice.loadOlder();
    Browser.awaitText(browser, By.id("chat-messages"), "old message 0");
    assertThat(alice.messageCount()).isEqualTo(56);
    assertThat(browser.findElement(By.id("load-older")).isDisplayed()).isFalse();

    var text = browser.findElement(By.id("composer-text"));
    text.sendKeys(Keys.chord(Keys.CONTROL, "/"));
    assertThat(browser.findElement(By.id("compose-mode")).getDomAttribute("aria-pressed"))
        .isEqualTo("true");
    text.sendKeys("first line", Keys.ENTER, "second line");
    text.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
    alice.awaitMessage("second line");
    assertThat(
            Api.okArray(
                    Api.call(
                        "GET",
                        "/rooms/" + alice.roomId() + "/chatMessages?limit=1",
                        alice.token(),
                        null))
                .getJsonObject(0)
                .getString("text"))
        .isEqualTo("first line\nsecond line");
    browser.findElement(By.id("compose-mode")).click();
    alice.say("chat mode again");
    alice.awaitMessage("chat mode again");

    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.activeElement.blur()");
    new org.openqa.selenium.interactions.Actions(browser).sendKeys("?").perform();
    Browser.await(browser, By.id("shortcuts"));
    browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(5))
        .until(d -> !d.findElement(By.id("shortcuts")).isDisplayed());
  }

  @Test
  void renamesRegistersOAuthApplicationsAndSetsAnEmailAddressInSettings() {
    WebDriver browser = browsers.open();
    String username = name("st");
    signedUp(browser, username);
    SettingsPage settings = new SettingsPage(browser, base).open();
    settings.rename("Ada Lovelace");
    String token =
        browser.findElement(By.cssSelector("meta[name='gitter-token']")).getDomAttribute("content");
    assertThat(Api.ok(Api.call("GET", "/user/me", token, null)).getString("displayName"))
        .isEqualTo("Ada Lovelace");

    String secret = settings.registerApp("My bot", "http://localhost:9999/callback");
    assertThat(secret).hasSizeGreaterThan(20);
    assertThat(settings.open().apps()).contains("My bot").doesNotContain(secret);

    // the address for emails is saved unverified, and the link to verify it is mailed
    String address = username + "@example.org";
    assertThat(settings.saveEmail(address)).contains("Not verified yet");
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .until(() -> !SharedInstance.MAIL.to(address).isEmpty());
  }

  @Test
  void signInCookiesAreHttpOnlySameSiteAndSecureBehindTls() throws Exception {
    String username = name("ck");
    SharedInstance.newUser(username, "--password", "password123");
    HttpClient http = HttpClient.newHttpClient();
    String plainCookie = SignInForm.sessionCookie(http, base, username, "password123", null);
    String tlsCookie = SignInForm.sessionCookie(http, base, username, "password123", "https");

    assertThat(plainCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    assertThat(plainCookie).doesNotContainIgnoringCase("secure;").doesNotEndWith("Secure");
    assertThat(tlsCookie).contains("Secure").contains("HttpOnly");
    // a visitor who only looks gets no cookie at all: nothing is kept for them
    assertThat(
            http.send(
                    HttpRequest.newBuilder(URI.create(base + "/signin.xhtml")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .headers()
                .allValues("Set-Cookie"))
        .isEmpty();
  }

  @Test
  void showsTheConnectionBannerAndFillsTheGapAfterADrop() {
    WebDriver browser = browsers.open();
    RoomPage alice = signedUp(browser, name("ra")).createCommunity(name("rc"), "Reconnect");
    alice.say("before the drop");
    alice.awaitMessage("before the drop");

    // the page's socket drops, and stays down for three seconds
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript(
            "var c = window.GitterBayeux.forPage(); c.retryMillis = 3000; c.socket.close();");
    Browser.await(browser, By.id("connection"));
    Api.send(alice.roomId(), alice.token(), "said while away");

    new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15))
        .until(d -> !d.findElement(By.id("connection")).isDisplayed());
    alice.awaitMessage("said while away");
    Api.send(alice.roomId(), alice.token(), "after the return");
    alice.awaitMessage("after the return");
    assertThat(
            browser.findElements(By.cssSelector("#chat-messages > li.message")).stream()
                .map(li -> li.findElement(By.className("body")).getText())
                .toList())
        .containsSubsequence("before the drop", "said while away", "after the return")
        .doesNotHaveDuplicates();
  }

  @Test
  void refusesAFormPostWithoutAValidViewState() throws Exception {
    HttpResponse<String> forged =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/signup.xhtml"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "signup=signup&signup%3Ausername=forged"
                                + "&signup%3Apassword=password123&signup%3Asubmit=Sign+up"
                                + "&jakarta.faces.ViewState=forged"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(forged.body()).contains("This form has expired");
    assertThat(
            Http.get(
                    gitter.uri("/api/v1/users/forged"),
                    "Authorization",
                    "Bearer " + SharedInstance.newUser(name("chk")))
                .statusCode())
        .as("no account was made")
        .isEqualTo(404);
  }
}
