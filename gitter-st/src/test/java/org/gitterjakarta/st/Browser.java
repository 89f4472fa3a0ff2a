package org.gitterjakarta.st;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) for the browser tests.
 * As a JUnit extension it closes the test's browsers after each test and keeps a screenshot of each
 * when the test failed ({@code target/screenshots}).
 */
final class Browser implements AfterEachCallback {

  static final Path SCREENSHOTS = Launcher.WORK.resolve("screenshots");
  private final List<ChromeDriver> open = new ArrayList<>();

  /**
   * Browsers started ahead of need, each with a fresh profile of its own: a test's browsers start
   * while the test before it runs (a Chromium start takes seconds on two cores, and a web test
   * opens two or three). Started one at a time, off the tests' threads; never handed out twice.
   */
  private static final int STARTED_AHEAD = 2;

  private static final Deque<CompletableFuture<ChromeDriver>> ahead = new ArrayDeque<>();
  private static final ExecutorService starter =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "browser-starter");
            thread.setDaemon(true);
            return thread;
          });

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(Browser::quitTheOnesStartedAhead, "browser-stopper"));
  }

  /** A new browser with a fresh profile (its own cookies and storage: its own person). */
  ChromeDriver open() {
    CompletableFuture<ChromeDriver> next;
    synchronized (ahead) {
      startAhead();
      next = ahead.poll();
      startAhead();
    }
    ChromeDriver driver;
    try {
      driver = next.join();
    } catch (CompletionException failedAhead) {
      driver = start(); // a start that failed ahead is tried here, where its error is seen
    }
    open.add(driver);
    return driver;
  }

  private static void startAhead() {
    while (ahead.size() < STARTED_AHEAD) {
      ahead.add(CompletableFuture.supplyAsync(Browser::start, starter));
    }
  }

  /** Set at the test JVM's end: a start still queued then starts nothing. */
  private static volatile boolean stopping;

  /**
   * At the test JVM's end: the browsers started ahead are quit, one still starting once it has
   * started, all within 20 s (failsafe gives a forked JVM 30 s to exit).
   */
  private static void quitTheOnesStartedAhead() {
    stopping = true;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    synchronized (ahead) {
      for (var started : ahead) {
        try {
          long left = Math.max(1, deadline - System.nanoTime());
          quit(started.get(left, TimeUnit.NANOSECONDS));
        } catch (Exception failedOrStuck) {
          // nothing started, or nothing left to stop in time
        }
      }
      ahead.clear();
    }
    starter.shutdownNow();
  }

  /** Each browser's profile folder, deleted when it quits. */
  private static final java.util.Map<ChromeDriver, Path> profiles =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static void quit(ChromeDriver driver) {
    driver.quit();
    Path profile = profiles.remove(driver);
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException | UncheckedIOException leftInTmp) {
        // a temporary folder: the system clears it
      }
    }
  }

  private static ChromeDriver start() {
    if (stopping) {
      throw new IllegalStateException("the test JVM is ending");
    }
    try {
      Path profile = Files.createTempDirectory("chromium-profile");
      var options =
          new ChromeOptions()
              .setBinary("/usr/bin/chromium")
              .addArguments(
                  "--headless=new",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-dev-shm-usage",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--no-first-run",
                  "--window-size=1280,900",
                  "--user-data-dir=" + profile);
      var service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
              .build();
      var logging = new org.openqa.selenium.logging.LoggingPreferences();
      logging.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
      options.setCapability("goog:loggingPrefs", logging);
      ChromeDriver driver = new ChromeDriver(service, options);
      profiles.put(driver, profile);
      driver.manage().timeouts().implicitlyWait(Duration.ZERO);
      return driver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for a visible element; a page replaced while looking is looked at again. */
  static WebElement await(WebDriver driver, By locator) {
    return new WebDriverWait(driver, Duration.ofSeconds(15))
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** The text of an element once it has some, read inside the wait (the page may be replaced). */
  static String awaitAnyText(WebDriver driver, By locator) {
    return new WebDriverWait(driver, Duration.ofSeconds(15))
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(
            d -> {
              String text = d.findElement(locator).getText();
              return text.isBlank() ? null : text;
            });
  }

  /** Waits for the text; a page replaced while looking (after a form post) is looked at again. */
  static void awaitText(WebDriver driver, By locator, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  /**
   * Waits for the chat page's passing notice under the composer (a status, not an error): it hides
   * itself after 4 s, so it is read from the page, not from what a poll happens to see on a busy
   * machine.
   */
  static void awaitStatus(WebDriver driver, String text) {
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(
            d -> {
              WebElement notice = d.findElement(By.id("composer-error"));
              return "status".equals(notice.getDomAttribute("role"))
                  && notice.getDomProperty("textContent").contains(text);
            });
  }

  /**
   * Keeps what the page looks like at a laptop's, a desktop's and a phone's size ({@code
   * target/screenshots/looks}) for people to look at; the window's size is restored.
   */
  static void screenshots(WebDriver driver, String name) {
    var window = driver.manage().window();
    var size = window.getSize();
    try {
      Path looks = Files.createDirectories(SCREENSHOTS.resolve("looks"));
      for (int[] wh : new int[][] {{1366, 768}, {1920, 1080}, {390, 844}}) {
        window.setSize(new org.openqa.selenium.Dimension(wh[0], wh[1]));
        Thread.sleep(400); // let drawers and transitions settle at the new size
        Files.write(
            looks.resolve(name + "-" + wh[0] + "x" + wh[1] + ".png"),
            ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      window.setSize(size);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    boolean failed = context.getExecutionException().isPresent();
    for (int i = 0; i < open.size(); i++) {
      ChromeDriver driver = open.get(i);
      if (failed) {
        Files.createDirectories(SCREENSHOTS);
        String name = context.getDisplayName().replaceAll("\\W", "") + "-" + i;
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        Files.write(
            SCREENSHOTS.resolve(name + "-console.txt"),
            driver
                .manage()
                .logs()
                .get(org.openqa.selenium.logging.LogType.BROWSER)
                .getAll()
                .stream()
                .map(Object::toString)
                .toList());
      }
      quit(driver);
    }
    open.clear();
  }
}
