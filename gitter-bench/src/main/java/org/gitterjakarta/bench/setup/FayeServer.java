package org.gitterjakarta.bench.setup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.gitterjakarta.bench.probe.ProcessProbe;
import org.gitterjakarta.testsupport.Pause;

/**
 * {@code node gitter-bench/faye/server.js}: Faye 1.4 + faye-redis, on a Redis server of its own
 * (started here, kept in memory only). In Gitter's Redis, Faye's upkeep of thousands of departed
 * clients loaded it during Gitter's later measurements, and its CPU was counted as Gitter's.
 */
public final class FayeServer implements AutoCloseable {

  private final Process node;
  private final Process redis;
  public final int port;

  private FayeServer(Process node, Process redis, int port) {
    this.node = node;
    this.redis = redis;
    this.port = port;
  }

  public static FayeServer start(Path root, Path work, int port, int redisPort) {
    try {
      Process redis = startRedis(work, redisPort);
      Path log = work.resolve("faye.log");
      var builder =
          new ProcessBuilder("node", "server.js")
              .directory(root.resolve("gitter-bench/faye").toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("FAYE_PORT", "" + port);
      builder.environment().put("REDIS_PORT", "" + redisPort);
      builder.environment().put("REDIS_DB", "0");
      Process node;
      try {
        node = builder.start();
      } catch (IOException e) {
        stop(redis);
        throw e;
      }
      var server = new FayeServer(node, redis, port);
      for (int i = 0; i < 300; i++) {
        if (Files.readString(log).contains("faye ready")) {
          return server;
        }
        if (!server.node.isAlive()) {
          server.close();
          throw new IllegalStateException("Faye server exited: " + Files.readString(log));
        }
        Pause.sleep(100);
      }
      server.close();
      throw new IllegalStateException("Faye server did not start: " + Files.readString(log));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI websocket() {
    return URI.create("ws://127.0.0.1:" + port + "/bayeux");
  }

  public URI publish() {
    return URI.create("http://127.0.0.1:" + port + "/publish");
  }

  public ProcessProbe probe() {
    return new ProcessProbe("faye", node.pid());
  }

  /** Faye's Redis, named as Gitter's is in the bench's tables. */
  public ProcessProbe redisProbe() {
    return new ProcessProbe("redis", redis.pid());
  }

  @Override
  public void close() {
    stop(node);
    stop(redis);
  }

  /** redis-server (on the path: {@code ./gitter run} installs it) on 127.0.0.1, nothing on disk. */
  private static Process startRedis(Path work, int redisPort) throws IOException {
    Path log = work.resolve("faye-redis.log");
    Process redis =
        new ProcessBuilder(
                "redis-server",
                "--port",
                "" + redisPort,
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    for (int i = 0; i < 200; i++) {
      try (var socket = new Socket("127.0.0.1", redisPort)) {
        return redis;
      } catch (IOException notYet) {
        if (!redis.isAlive()) {
          throw new IllegalStateException("Faye's redis-server exited: " + Files.readString(log));
        }
        Pause.sleep(50);
      }
    }
    stop(redis);
    throw new IllegalStateException("Faye's redis-server did not start: " + Files.readString(log));
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
