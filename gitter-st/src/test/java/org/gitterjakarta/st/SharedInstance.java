package org.gitterjakarta.st;

import java.util.Map;
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

  static Map<String, String> environment() {
    return Map.of(
        "GITTER_ENV",
        "test",
        "GITTER_MONGO_URI",
        "mongodb://127.0.0.1:" + System.getProperty("test.mongo.port"),
        "GITTER_REDIS_URI",
        System.getProperty("test.redis.uri"),
        "GITTER_DATA_DIR",
        Launcher.WORK.resolve("shared-data").toString());
  }

  static synchronized GitterRun get() {
    if (instance == null) {
      instance = Launcher.start("shared-instance", environment());
    }
    return instance;
  }

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
      if (instance != null) {
        instance.close();
        instance = null;
      }
    }
  }
}
