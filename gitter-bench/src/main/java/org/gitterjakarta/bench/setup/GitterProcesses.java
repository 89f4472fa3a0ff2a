package org.gitterjakarta.bench.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gitterjakarta.bench.probe.ProcessProbe;
import org.gitterjakarta.testsupport.launcher.GitterRun;
import org.gitterjakarta.testsupport.launcher.GitterStores;

/**
 * The processes {@code ./gitter run} and {@code ./gitter stores} started, found among their
 * descendants, for CPU and RSS.
 */
public final class GitterProcesses {

  private GitterProcesses() {}

  public static ProcessProbe server(GitterRun gitter) {
    return probe(gitter.handle(), "run", "server", "payara-micro");
  }

  /** The embedded MongoDB wire server (mongo-java-server on H2), a JVM of its own. */
  public static ProcessProbe mongo(GitterStores stores) {
    return probe(stores.handle(), "stores", "mongo", "gitter-mongo-server");
  }

  public static ProcessProbe redis(GitterStores stores) {
    return probe(stores.handle(), "stores", "redis", "redis-server");
  }

  /** A process the launcher started, found by a word of its command line. */
  private static ProcessProbe probe(
      ProcessHandle launcher, String command, String name, String word) {
    long pid =
        launcher
            .descendants()
            .filter(p -> commandLine(p.pid()).contains(word))
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("no " + word + " under ./gitter " + command))
            .pid();
    return new ProcessProbe(name, pid);
  }

  /** As ps shows it: redis-server rewrites its title, and its binary is a link to another name. */
  private static String commandLine(long pid) {
    try {
      return Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
    } catch (IOException gone) {
      return "";
    }
  }
}
