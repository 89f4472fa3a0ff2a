package org.gitterjakarta.bench.setup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gitterjakarta.bench.Pause;
import org.gitterjakarta.bench.probe.ProcessProbe;

/**
 * {@code ./gitter run} as a user starts it, with {@code GITTER_ENV=bench}, its own port, stores and
 * data directory; stopped with SIGTERM like Ctrl-C. Its start is the cold-start measurement.
 */
public final class GitterInstance implements AutoCloseable {

  private static final String READY_LINE = "Ctrl-C stops everything started here.";

  private final Process launcher;
  private final Path log;
  public final int port;

  /** Launcher start until {@code /health/ready} answered UP. */
  public final Duration healthUp;

  /** Launcher start until it reported every WAR deployed. */
  public final Duration allDeployed;

  private GitterInstance(Process launcher, Path log, int port, Duration healthUp, Duration all) {
    this.launcher = launcher;
    this.log = log;
    this.port = port;
    this.healthUp = healthUp;
    this.allDeployed = all;
  }

  public static GitterInstance start(Path root, Path work, int port, Map<String, String> env) {
    try {
      Files.createDirectories(work);
      Path log = work.resolve("gitter-run.log");
      var builder =
          new ProcessBuilder("bash", root.resolve("gitter").toString(), "run", "--port", "" + port)
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      // only the bench's settings: no store URI or environment of the calling shell leaks in
      builder
          .environment()
          .keySet()
          .removeIf(k -> k.startsWith("GITTER_") && !k.equals("GITTER_JAVA_OPTS"));
      builder.environment().putAll(env);
      long start = System.nanoTime();
      Process launcher = builder.start();
      Duration healthUp = awaitHealth(launcher, port, log, start);
      awaitLine(launcher, log, READY_LINE);
      Duration all = Duration.ofNanos(System.nanoTime() - start);
      return new GitterInstance(launcher, log, port, healthUp, all);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Duration awaitHealth(Process launcher, int port, Path log, long start) {
    HttpClient http = HttpClient.newHttpClient();
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = start + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (!launcher.isAlive()) {
        throw new IllegalStateException("./gitter run exited, see " + log);
      }
      try {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("UP")) {
          return Duration.ofNanos(System.nanoTime() - start);
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Pause.sleep(100);
    }
    throw new IllegalStateException("not ready within 5 minutes, see " + log);
  }

  private static void awaitLine(Process launcher, Path log, String line) throws IOException {
    for (int i = 0; i < 3000; i++) {
      if (Files.readString(log).contains(line)) {
        return;
      }
      if (!launcher.isAlive()) {
        throw new IllegalStateException("./gitter run exited, see " + log);
      }
      Pause.sleep(100);
    }
    throw new IllegalStateException("./gitter run never said it was ready, see " + log);
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  public ProcessProbe server() {
    return probe("server", "payara-micro");
  }

  /** The embedded MongoDB wire server (mongo-java-server on H2), a JVM of its own. */
  public ProcessProbe mongo() {
    return probe("mongo", "gitter-mongo-server");
  }

  public ProcessProbe redis() {
    return probe("redis", "redis-server");
  }

  /** A process the launcher started, found by a word of its command line. */
  private ProcessProbe probe(String name, String word) {
    Optional<ProcessHandle> found =
        launcher.descendants().filter(p -> commandLine(p.pid()).contains(word)).findFirst();
    return new ProcessProbe(
        name,
        found
            .orElseThrow(() -> new IllegalStateException("no " + word + " under ./gitter run"))
            .pid());
  }

  /** As ps shows it: redis-server rewrites its title, and its binary is a link to another name. */
  private static String commandLine(long pid) {
    try {
      return Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
    } catch (IOException gone) {
      return "";
    }
  }

  @Override
  public void close() {
    launcher.destroy();
    try {
      if (!launcher.waitFor(90, TimeUnit.SECONDS)) {
        launcher.descendants().forEach(ProcessHandle::destroyForcibly);
        launcher.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
