package org.gitterjakarta.st;

import java.nio.file.Path;
import java.time.Duration;
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

  /** {@code ./gitter run <args>} on a free port, logging to {@code target/<name>.log}; ready. */
  static GitterRun start(String name, Map<String, String> environment, String... args) {
    return SCRIPT.run(WORK.resolve(name + ".log"), Ports.free(), environment, args);
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
