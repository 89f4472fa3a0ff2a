package org.gitterjakarta.bench.setup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.gitterjakarta.bench.probe.ProcessProbe;
import org.gitterjakarta.testsupport.Pause;

/** {@code node gitter-bench/faye/server.js}: Faye 1.4 + faye-redis on the bench's Redis. */
public final class FayeServer implements AutoCloseable {

  private final Process node;
  public final int port;

  private FayeServer(Process node, int port) {
    this.node = node;
    this.port = port;
  }

  public static FayeServer start(Path root, Path work, int port, int redisPort) {
    try {
      Path log = work.resolve("faye.log");
      var builder =
          new ProcessBuilder("node", "server.js")
              .directory(root.resolve("gitter-bench/faye").toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("FAYE_PORT", "" + port);
      builder.environment().put("REDIS_PORT", "" + redisPort);
      // a database of its own in the same Redis: Gitter's keys stay apart
      builder.environment().put("REDIS_DB", "1");
      var server = new FayeServer(builder.start(), port);
      for (int i = 0; i < 300; i++) {
        if (Files.readString(log).contains("faye ready")) {
          return server;
        }
        if (!server.node.isAlive()) {
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

  @Override
  public void close() {
    node.destroy();
    try {
      if (!node.waitFor(20, TimeUnit.SECONDS)) {
        node.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
