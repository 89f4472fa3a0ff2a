package org.gitterjakarta.st;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.gitterjakarta.testsupport.launcher.GitterRun;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The one running instance (all three WARs) that every black-box suite of a test run talks to.
 * Started on first use, against the run's Redis and in-memory Mongo wire server, and stopped when
 * the test JVM's launcher session ends.
 */
public class SharedInstance implements LauncherSessionListener {

  private static GitterRun instance;

  /** The run's SMTP server; the shared instance mails there, with delays of seconds (MailIT). */
  static final MailServer MAIL = new MailServer(Launcher.WORK.resolve("mail/maildir"));

  /** Signs the links in mails; the same for every instance a test starts against these stores. */
  private static final String MAIL_SECRET = java.util.UUID.randomUUID().toString();

  static Map<String, String> environment() {
    return Map.ofEntries(
        Map.entry("GITTER_ENV", "test"),
        Map.entry(
            "GITTER_MONGO_URI", "mongodb://127.0.0.1:" + System.getProperty("test.mongo.port")),
        Map.entry("GITTER_REDIS_URI", System.getProperty("test.redis.uri")),
        Map.entry("GITTER_DATA_DIR", Launcher.WORK.resolve("shared-data").toString()),
        Map.entry("GITTER_MAIL_HOST", "127.0.0.1"),
        Map.entry("GITTER_MAIL_PORT", String.valueOf(MAIL.port)),
        Map.entry("GITTER_MAIL_TLS", "none"),
        Map.entry("GITTER_MAIL_FROM", "Gitter <gitter@example.org>"),
        Map.entry("GITTER_MAIL_SECRET", MAIL_SECRET),
        Map.entry("GITTER_MAIL_UNREAD_DELAY", "PT4S"),
        Map.entry("GITTER_MAIL_MENTION_DELAY", "PT2S"),
        Map.entry("GITTER_MAIL_INTERVAL", "PT8S"),
        Map.entry("GITTER_MAIL_RETRY_DELAY", "PT2S"));
  }

  static synchronized GitterRun get() {
    if (instance == null) {
      MAIL.start();
      instance = Launcher.startAsInProduction("shared-instance", environment());
    }
    return instance;
  }

  /**
   * A second instance of all three WARs on the same stores (its own data folder), for the suites
   * that need another realtime instance or a second mail job: started once, on first use, and
   * stopped with the shared one. One start instead of one per suite (each is about 15 s).
   */
  static GitterRun second() {
    return secondStarting().join();
  }

  /**
   * The second instance's start, begun on the first call: it runs outside this class's lock, so the
   * shared instance serves other calls meanwhile (MailIT starts it and goes on).
   */
  static synchronized CompletableFuture<GitterRun> secondStarting() {
    get();
    if (second == null) {
      var settings = new java.util.HashMap<>(environment());
      settings.put("GITTER_DATA_DIR", SECOND_DATA.toString());
      second = CompletableFuture.supplyAsync(() -> Launcher.start("second-instance", settings));
    }
    return second;
  }

  /** The second instance's data folder (its logs are under it). */
  static final java.nio.file.Path SECOND_DATA = Launcher.WORK.resolve("second-data");

  private static CompletableFuture<GitterRun> second;

  /** A new account in the shared instance's store, made as an operator would; its token. */
  static String newUser(String username, String... options) {
    String[] args = new String[options.length + 1];
    args[0] = username;
    System.arraycopy(options, 0, args, 1, options.length);
    return Launcher.userAdd(environment(), args);
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    synchronized (SharedInstance.class) {
      if (second != null) {
        second.thenAccept(GitterRun::close).exceptionally(failedToStart -> null).join();
        second = null;
      }
      if (instance != null) {
        instance.close();
        instance = null;
        MAIL.close();
      }
    }
  }
}
