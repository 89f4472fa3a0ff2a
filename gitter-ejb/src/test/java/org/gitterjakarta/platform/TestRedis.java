package org.gitterjakarta.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import redis.clients.jedis.Jedis;

/**
 * A redis-server process of the test's own, so that a test can take Redis away and bring it back.
 */
final class TestRedis implements AutoCloseable {

  private final int port;
  private Process process;

  TestRedis(int port) {
    this.port = port;
  }

  void start() throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("redis-" + port);
    process =
        new ProcessBuilder(
                "redis-server",
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (!answers()) {
      if (Instant.now().isAfter(deadline) || !process.isAlive()) {
        throw new IllegalStateException("redis-server did not start on port " + port);
      }
      Thread.sleep(50);
    }
  }

  void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      process.waitFor();
      process = null;
    }
  }

  private boolean answers() {
    try (var jedis = new Jedis("127.0.0.1", port, 200)) {
      return "PONG".equals(jedis.ping());
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
