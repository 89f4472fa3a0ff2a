package org.gitterjakarta.testsupport.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Ports for the processes a test starts. */
public final class Ports {

  /**
   * Ports already handed out: a port is only bound once its process is up, so until then a second
   * call would find it free too (CI once gave Redis and Payara the same one).
   */
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private Ports() {}

  /**
   * A port nobody listens on and this JVM has not handed out before, below the kernel's ephemeral
   * range (32768+): a port the kernel handed out could be taken by an outgoing connection's local
   * end before the server binds it, and Payara then comes up without its HTTP listener.
   */
  public static int free() {
    var random = ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = random.nextInt(20_000, 32_000);
      if (!HANDED_OUT.add(port)) {
        continue;
      }
      try (var socket = new ServerSocket(port)) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // try another
      }
    }
    throw new UncheckedIOException(new IOException("no free port between 20000 and 32000"));
  }
}
