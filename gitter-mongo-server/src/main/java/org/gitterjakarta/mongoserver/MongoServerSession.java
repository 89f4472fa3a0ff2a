package org.gitterjakarta.mongoserver;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts one in-memory wire server for a whole test JVM when the build asks for it with the system
 * property {@code test.mongo.port}; the Payara instances under test connect to that port. Test
 * classpaths that carry this module get it through the ServiceLoader.
 */
public class MongoServerSession implements LauncherSessionListener {

  static final String PORT_PROPERTY = "test.mongo.port";

  private EmbeddedMongoServer server;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String port = System.getProperty(PORT_PROPERTY);
    if (port != null && !port.isBlank()) {
      server = EmbeddedMongoServer.inMemory("127.0.0.1", Integer.parseInt(port));
      System.setProperty("test.mongo.uri", server.connectionString());
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
