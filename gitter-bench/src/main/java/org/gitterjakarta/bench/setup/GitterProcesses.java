package org.gitterjakarta.bench.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gitterjakarta.bench.probe.ProcessProbe;
import org.gitterjakarta.testsupport.launcher.GitterRun;

/** The processes {@code ./gitter run} started, found among its descendants, for CPU and RSS. */
public final class GitterProcesses {

  private GitterProcesses() {}

  public static ProcessProbe server(GitterRun gitter) {
    return probe(gitter, "server", "payara-micro");
  }

  /** The embedded MongoDB wire server (mongo-java-server on H2), a JVM of its own. */
  public static ProcessProbe mongo(GitterRun gitter) {
    return probe(gitter, "mongo", "gitter-mongo-server");
  }

  public static ProcessProbe redis(GitterRun gitter) {
    return probe(gitter, "redis", "redis-server");
  }

  /** A process the launcher started, found by a word of its command line. */
  private static ProcessProbe probe(GitterRun gitter, String name, String word) {
    long pid =
        gitter
            .handle()
            .descendants()
            .filter(p -> commandLine(p.pid()).contains(word))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no " + word + " under ./gitter run"))
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
