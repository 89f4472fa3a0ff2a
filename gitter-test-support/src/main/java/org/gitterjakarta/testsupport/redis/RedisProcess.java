package org.gitterjakarta.testsupport.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gitterjakarta.testsupport.Pause;
import org.gitterjakarta.testsupport.launcher.Ports;

/**
 * One {@code redis-server} (a data node or, with {@code --sentinel}, a sentinel) on a free local
 * port, with its files and log in a folder of its own; asked with {@code redis-cli}.
 */
public final class RedisProcess implements AutoCloseable {

  static final Duration UP_TIMEOUT = Duration.ofSeconds(10);

  public final int port;
  private final Path dir;
  private final Process process;

  private RedisProcess(int port, Path dir, Process process) {
    this.port = port;
    this.dir = dir;
    this.process = process;
  }

  /** A data node without persistence; {@code options} are more {@code redis-server} options. */
  public static RedisProcess server(Path parent, String name, String... options) {
    int port = Ports.free();
    List<String> command = new ArrayList<>(List.of("redis-server", "--port", "" + port));
    command.addAll(List.of("--bind", "127.0.0.1", "--save", "", "--appendonly", "no"));
    command.addAll(List.of(options));
    return start(parent.resolve(name), port, command);
  }

  /** A sentinel watching {@code masterName} at {@code masterPort}; quorum two, fast timeouts. */
  public static RedisProcess sentinel(Path parent, String name, String masterName, int masterPort) {
    int port = Ports.free();
    Path dir = parent.resolve(name);
    String config =
        String.join(
            "\n",
            "port " + port,
            "bind 127.0.0.1",
            "sentinel monitor " + masterName + " 127.0.0.1 " + masterPort + " 2",
            "sentinel down-after-milliseconds " + masterName + " 1000",
            "sentinel failover-timeout " + masterName + " 5000",
            "");
    try {
      Files.createDirectories(dir);
      // a sentinel rewrites its file with what it learns, so each has its own
      Files.writeString(dir.resolve("sentinel.conf"), config, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return start(
        dir, port, List.of("redis-server", dir.resolve("sentinel.conf").toString(), "--sentinel"));
  }

  private static RedisProcess start(Path dir, int port, List<String> command) {
    try {
      Files.createDirectories(dir);
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("redis.log").toFile())
              .start();
      var redis = new RedisProcess(port, dir, process);
      redis.awaitPong();
      return redis;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitPong() {
    long deadline = System.nanoTime() + UP_TIMEOUT.toNanos();
    while (!"PONG".equals(cliQuietly("PING"))) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("redis-server on " + port + " not up; see " + dir);
      }
      Pause.sleep(50);
    }
  }

  /** {@code redis-cli -p <port> <command>}: its output, stripped. */
  public String cli(String... command) {
    List<String> line = new ArrayList<>(List.of("redis-cli", "-p", "" + port));
    line.addAll(List.of(command));
    return Cli.run(line);
  }

  private String cliQuietly(String... command) {
    try {
      return cli(command);
    } catch (IllegalStateException notYet) {
      return "";
    }
  }

  /** The value of one field of {@code INFO <section>}, e.g. {@code master_link_status}. */
  public String info(String section, String field) {
    for (String line : cli("INFO", section).split("\\R")) {
      if (line.startsWith(field + ":")) {
        return line.substring(field.length() + 1).strip();
      }
    }
    return "";
  }

  public String address() {
    return "127.0.0.1:" + port;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, as a crash: no chance to tell anyone. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
