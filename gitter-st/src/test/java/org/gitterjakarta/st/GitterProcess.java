package org.gitterjakarta.st;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code ./gitter run} as a user starts it: the real launcher script, stopped with SIGTERM. */
final class GitterProcess implements AutoCloseable {

  static final Path ROOT =
      Path.of(System.getProperty("test.root", "..")).toAbsolutePath().normalize();
  static final Path WORK = Path.of(System.getProperty("test.work", "target")).toAbsolutePath();

  private final Process process;
  private final Path log;
  final int port;

  private GitterProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  static GitterProcess start(String name, Map<String, String> environment, String... args) {
    try {
      int port = freePort();
      Path log = WORK.resolve(name + ".log");
      Files.createDirectories(WORK);
      var command =
          new java.util.ArrayList<>(
              List.of(
                  "bash",
                  ROOT.resolve("gitter").toString(),
                  "run",
                  "--port",
                  String.valueOf(port)));
      command.addAll(List.of(args));
      var builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .directory(ROOT.toFile());
      // only what the test says: no store URI of the calling shell leaks in
      builder.environment().keySet().removeIf(key -> key.startsWith("GITTER_"));
      builder.environment().putAll(environment);
      var gitter = new GitterProcess(builder.start(), log, port);
      gitter.awaitReady();
      return gitter;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code ./gitter user add}: creates an account and returns its personal access token. */
  static String userAdd(Map<String, String> environment, String... args) {
    try {
      var command =
          new java.util.ArrayList<>(
              List.of("bash", ROOT.resolve("gitter").toString(), "user", "add"));
      command.addAll(List.of(args));
      var builder = new ProcessBuilder(command).redirectErrorStream(true).directory(ROOT.toFile());
      builder.environment().keySet().removeIf(key -> key.startsWith("GITTER_"));
      builder.environment().putAll(environment);
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("./gitter user add failed: " + output);
      }
      String[] lines = output.strip().split("\\R");
      return lines[lines.length - 1];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  /** Ready when the launcher says so: it waits for every WAR and for health, as users do. */
  private void awaitReady() {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("./gitter run exited: " + tail());
      }
      if (tail().contains("Ctrl-C stops everything started here.")) {
        return;
      }
      sleep(500);
    }
    close();
    throw new IllegalStateException("./gitter run not ready in time: " + tail());
  }

  /** SIGTERM, as Ctrl-C or a service manager would stop it; waits for the script to finish. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /**
   * A port nobody listens on, below the kernel's ephemeral range (32768+): a port the kernel handed
   * out could be taken by an outgoing connection's local end before the server binds it, and Payara
   * then comes up without its HTTP listener.
   */
  static int freePort() throws IOException {
    var random = java.util.concurrent.ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = random.nextInt(20_000, 32_000);
      try (var socket = new ServerSocket(port)) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IOException("no free port between 20000 and 32000");
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
