package org.gitterjakarta.st;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/** Page objects of the web UI: what a person does on each page, in the page's own terms. */
final class WebPages {

  private WebPages() {}

  /** {@code /signup.xhtml}. */
  record SignUpPage(WebDriver driver, String base) {
    SignUpPage open() {
      driver.get(base + "/signup.xhtml");
      return this;
    }

    void signUp(String username, String password) {
      driver.findElement(By.id("signup:username")).sendKeys(username);
      driver.findElement(By.id("signup:password")).sendKeys(password);
      driver.findElement(By.id("signup:submit")).click();
    }

    String error() {
      return Browser.awaitAnyText(driver, By.cssSelector("#messages .error"));
    }
  }

  /** {@code /signin.xhtml}. */
  record SignInPage(WebDriver driver, String base) {
    SignInPage open() {
      driver.get(base + "/signin.xhtml");
      return this;
    }

    void signIn(String username, String password) {
      Browser.await(driver, By.id("signin:username")).sendKeys(username);
      driver.findElement(By.id("signin:password")).sendKeys(password);
      driver.findElement(By.id("signin:submit")).click();
    }

    String error() {
      return Browser.awaitAnyText(driver, By.cssSelector("#messages .error"));
    }
  }

  /** {@code /rooms.xhtml}: the signed-in home. */
  record RoomsPage(WebDriver driver, String base) {
    RoomsPage open() {
      driver.get(base + "/rooms.xhtml");
      return this;
    }

    /** Whether the rooms page arrives (after a form post the old page may still be showing). */
    boolean isShown() {
      Browser.awaitText(driver, By.tagName("h1"), "Your rooms");
      return true;
    }

    /** Through the left bar's "Start a community" dialog. */
    RoomPage createCommunity(String uri, String name) {
      Browser.await(driver, By.id("new-community-button")).click();
      Browser.await(driver, By.id("community:uri")).sendKeys(uri);
      driver.findElement(By.id("community:name")).sendKeys(name);
      driver.findElement(By.id("community:create")).click();
      return new RoomPage(driver, base).awaitLive();
    }

    /** Creates a room in the (only) community the person administers. */
    RoomPage createRoom(String name, String topic, String security) {
      Browser.await(driver, By.id("new-room-button")).click();
      Browser.await(driver, By.id("new-room:name")).sendKeys(name);
      driver.findElement(By.id("new-room:topic")).sendKeys(topic);
      new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("new-room:security")))
          .selectByValue(security);
      driver.findElement(By.id("new-room:create")).click();
      Browser.awaitText(driver, By.id("room-name"), name);
      return new RoomPage(driver, base).awaitLive();
    }

    String unreadBadge(String roomId) {
      return driver
          .findElement(By.cssSelector("li[data-room-id='" + roomId + "'] .badge.unread"))
          .getText();
    }
  }

  /** The chat screen, at {@code /<community>/<room>} ({@code /room.xhtml?id=} redirects there). */
  record RoomPage(WebDriver driver, String base) {
    RoomPage open(String roomId) {
      driver.get(base + "/room.xhtml?id=" + roomId);
      return this;
    }

    RoomPage awaitLive() {
      Browser.await(driver, By.cssSelector("body[data-live='true']"));
      return this;
    }

    RoomPage join() {
      var button = Browser.await(driver, By.id("join:submit"));
      button.click();
      // the page before joining is live too: wait until it has been replaced
      new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
          .until(
              d -> {
                try {
                  button.isEnabled();
                  return false;
                } catch (org.openqa.selenium.WebDriverException replaced) {
                  return true;
                }
              });
      return awaitLive();
    }

    String roomId() {
      return meta("gitter-room");
    }

    String token() {
      return meta("gitter-token");
    }

    String roomName() {
      return driver.findElement(By.id("room-name")).getText();
    }

    private String meta(String name) {
      return driver
          .findElement(By.cssSelector("meta[name='" + name + "']"))
          .getDomAttribute("content");
    }

    void say(String text) {
      var composer = Browser.await(driver, By.id("composer-text"));
      composer.sendKeys(text);
      composer.sendKeys(Keys.ENTER);
    }

    void awaitMessage(String text) {
      Browser.awaitText(driver, By.id("chat-messages"), text);
    }

    /** Opens the thread of the message: its hover action "Reply in thread". */
    void openThread(String id) {
      action(id, "thread");
      Browser.await(driver, By.id("thread-text"));
    }

    /** Points at a message, then clicks one of the actions shown on it. */
    void action(String id, String action) {
      var message =
          Browser.await(driver, By.cssSelector("#chat-messages li[data-id='" + id + "']"));
      new org.openqa.selenium.interactions.Actions(driver)
          .moveToElement(message, 5, 0)
          .moveToElement(message)
          .perform();
      Browser.await(
              driver,
              By.cssSelector(
                  "#chat-messages li[data-id='"
                      + id
                      + "'] #message-actions [data-action='"
                      + action
                      + "']"))
          .click();
    }

    /** Opens the room's actions menu (⋯). */
    void openActions() {
      var menu = Browser.await(driver, By.cssSelector("#room-menu-actions > summary"));
      if (driver.findElement(By.id("room-menu-actions")).getDomAttribute("open") == null) {
        menu.click();
      }
    }

    /** Leaves through the actions menu, confirming in the dialog. */
    void leave() {
      openActions();
      Browser.await(driver, By.id("membership-actions:leave")).click();
      Browser.await(driver, By.id("confirm-ok")).click();
    }

    void reply(String text) {
      var composer = Browser.await(driver, By.id("thread-text"));
      composer.sendKeys(text);
      composer.sendKeys(Keys.ENTER);
    }

    void awaitReply(String text) {
      Browser.awaitText(driver, By.id("thread-messages"), text);
    }

    boolean shows(String text) {
      return driver.findElement(By.id("chat-messages")).getText().contains(text);
    }

    void toggleFavourite() {
      String before = driver.findElement(By.id("favourite-form:favourite")).getDomProperty("value");
      driver.findElement(By.id("favourite-form:favourite")).click();
      new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
          .ignoring(org.openqa.selenium.WebDriverException.class)
          .until(
              d ->
                  !before.equals(
                      d.findElement(By.id("favourite-form:favourite")).getDomProperty("value")));
      awaitLive();
    }

    /** The left menu section ("favourites", "unread", "recent") the room is listed in. */
    String menuSectionOf(String roomId) {
      return driver
          .findElement(By.cssSelector("#room-menu li[data-room-id='" + roomId + "']"))
          .findElement(By.xpath("ancestor::section"))
          .getDomAttribute("id")
          .replace("menu-", "");
    }

    void setMode(String mode) {
      openActions();
      // an earlier change's notice keeps its text once hidden: this change's must be awaited
      ((org.openqa.selenium.JavascriptExecutor) driver)
          .executeScript("document.getElementById('composer-error').textContent = '';");
      new org.openqa.selenium.support.ui.Select(Browser.await(driver, By.id("notify-mode")))
          .selectByValue(mode);
      Browser.awaitStatus(driver, "Notifications");
    }

    void loadOlder() {
      driver.findElement(By.id("load-older")).click();
    }

    int messageCount() {
      return driver.findElements(By.cssSelector("#chat-messages > li.message")).size();
    }
  }

  /** {@code /explore.xhtml}: public rooms, newest first; join from there. */
  record ExplorePage(WebDriver driver, String base) {
    ExplorePage open() {
      driver.get(base + "/explore.xhtml");
      Browser.awaitText(driver, By.tagName("h1"), "Explore rooms");
      return this;
    }

    boolean lists(String roomId) {
      return !driver.findElements(By.cssSelector("li[data-room-id='" + roomId + "']")).isEmpty();
    }

    RoomPage join(String roomId) {
      driver
          .findElement(By.cssSelector("li[data-room-id='" + roomId + "'] input[type='submit']"))
          .click();
      Browser.await(driver, By.id("favourite-form:favourite"));
      return new RoomPage(driver, base).awaitLive();
    }
  }

  /** {@code /settings.xhtml}: profile, notifications, password, tokens, OAuth applications. */
  record SettingsPage(WebDriver driver, String base) {
    SettingsPage open() {
      driver.get(base + "/settings.xhtml");
      Browser.await(driver, By.id("profile:displayName"));
      return this;
    }

    void rename(String displayName) {
      var field = driver.findElement(By.id("profile:displayName"));
      field.clear();
      field.sendKeys(displayName);
      driver.findElement(By.id("profile:save")).click();
      Browser.awaitText(driver, By.id("messages"), "Display name saved");
    }

    String registerApp(String name, String redirectUri) {
      driver.findElement(By.id("newapp:name")).sendKeys(name);
      driver.findElement(By.id("newapp:redirect")).sendKeys(redirectUri);
      driver.findElement(By.id("newapp:register")).click();
      return Browser.awaitAnyText(driver, By.id("app-secret"));
    }

    String apps() {
      return driver.findElement(By.id("app-list")).getText();
    }

    /** Saves an email address; what the page then says about it. */
    String saveEmail(String address) {
      var field = driver.findElement(By.id("email:address"));
      field.clear();
      field.sendKeys(address);
      driver.findElement(By.id("email:save")).click();
      Browser.awaitText(driver, By.id("messages"), "Address saved");
      return driver.findElement(By.id("email:email-state")).getText();
    }
  }
}
