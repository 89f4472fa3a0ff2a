package org.gitterjakarta.ws.bayeux;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * A context class loader with no service files, set only while a frame is handed to the container.
 * Payara's websocket layer re-arms its idle timer on every frame sent, through a managed executor
 * that looks up thread-context providers with {@code ServiceLoader} in the context class loader:
 * with the application's loader that is a search of every jar, per frame and socket (most of a
 * fan-out's CPU in the profile). Classes still load through the platform loader.
 */
final class NoServicesClassLoader extends ClassLoader {

  static final NoServicesClassLoader INSTANCE = new NoServicesClassLoader();

  private NoServicesClassLoader() {
    super("gitter-no-services", ClassLoader.getPlatformClassLoader());
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    return Collections.emptyEnumeration();
  }

  @Override
  public URL getResource(String name) {
    return null;
  }

  /** Runs {@code action} with this loader as the thread's context class loader. */
  static void run(Runnable action) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(INSTANCE);
    try {
      action.run();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
