package org.gitterjakarta.st;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.gitterjakarta.testsupport.launcher.GitterRun;
import org.gitterjakarta.testsupport.launcher.GitterScript;
import org.gitterjakarta.testsupport.launcher.Ports;

/** The checkout under test's {@code ./gitter}, as the suites start it: own port, log in target/. */
final class Launcher {

  static final Path ROOT =
      Path.of(System.getProperty("test.root", "..")).toAbsolutePath().normalize();
  static final Path WORK = Path.of(System.getProperty("test.work", "target")).toAbsolutePath();
  static final GitterScript SCRIPT = new GitterScript(ROOT);

  private Launcher() {}

  /**
   * {@code ./gitter run <args>} on a free port, logging to {@code target/<name>.log}, as an
   * instance that serves a test, a class or a few suites ({@link #shortLived}); ready.
   */
  static GitterRun start(String name, Map<String, String> environment, String... args) {
    return run(WORK.resolve(name + ".log"), Ports.free(), environment, args);
  }

  /** The same on the given port, logging to {@code log}. */
  static GitterRun run(Path log, int port, Map<String, String> environment, String... args) {
    return SCRIPT.run(log, port, shortLived(environment), args);
  }

  /**
   * {@code ./gitter run} as production runs it, for the instance that serves the whole run ({@link
   * SharedInstance}): its traffic is most of the run's, and it warms up as production does.
   */
  static GitterRun startAsInProduction(String name, Map<String, String> environment) {
    return SCRIPT.run(WORK.resolve(name + ".log"), Ports.free(), environment);
  }

  /**
   * What an instance that serves a test, a class or a few suites runs with: only the client
   * compiler (a start took 15 s rather than 20 on this 2-core machine; C2 would compile for traffic
   * it never sees) and no warm-up before readiness unless a suite asks for it (RedisClusterIT, so
   * that the warm-up meets a Cluster). About 20 such instances start in a run.
   */
  static Map<String, String> shortLived(Map<String, String> environment) {
    var settings = new HashMap<>(environment);
    settings.putIfAbsent("GITTER_WARM_UP", "false");
    // ./gitter run's own default heap, unless the suite set one
    String options = settings.getOrDefault("GITTER_JAVA_OPTS", "-Xmx768m");
    settings.put("GITTER_JAVA_OPTS", options + " -XX:TieredStopAtLevel=1");
    return Map.copyOf(settings);
  }

  /** {@code ./gitter user add}: creates an account and returns its personal access token. */
  static String userAdd(Map<String, String> environment, String... args) {
    String[] command = new String[args.length + 2];
    command[0] = "user";
    command[1] = "add";
    System.arraycopy(args, 0, command, 2, args.length);
    String[] lines = SCRIPT.call(Duration.ofMinutes(2), environment, command).strip().split("\\R");
    return lines[lines.length - 1];
  }
}
