package org.gitterjakarta.testsupport.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gitterjakarta.testsupport.Pause;

/**
 * A {@code ./gitter run} process: ready when {@code /health/ready} answers UP (the instance is not
 * ready before every WAR it deploys is), stopped with SIGTERM as Ctrl-C or a service manager would.
 */
public final class GitterRun implements AutoCloseable {

  /**
   * The launcher's wait for one start (GITTER_READY_SECONDS, unless the caller set it). A start
   * that hangs is tried once more by the launcher, so the whole start may take two waits.
   */
  static final int READY_SECONDS = 120;

  static final Duration START_TIMEOUT = Duration.ofSeconds(2 * READY_SECONDS + 60);
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private final Process process;
  private final Path log;
  public final int port;
  private Duration startup;

  private GitterRun(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  static GitterRun start(ProcessBuilder builder, Path log, int port) {
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      builder.environment().putIfAbsent("GITTER_READY_SECONDS", String.valueOf(READY_SECONDS));
      long start = System.nanoTime();
      var run =
          new GitterRun(
              builder.redirectErrorStream(true).redirectOutput(log.toFile()).start(), log, port);
      run.awaitReady();
      run.startup = Duration.ofNanos(System.nanoTime() - start);
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** From the launcher's start until {@code /health/ready} answered UP: the cold start. */
  public Duration startup() {
    return startup;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** The Bayeux endpoint (with its trailing slash: Payara redirects the bare context root). */
  public URI bayeux() {
    return uri("/bayeux/");
  }

  /**
   * The launcher script's process; Payara is among its descendants, and so are Redis and MongoDB
   * unless it was given their URIs ({@link GitterStores}).
   */
  public ProcessHandle handle() {
    return process.toHandle();
  }

  public Path log() {
    return log;
  }

  /** The last 40 lines of the launcher's output (a hung start's report included). */
  public String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private void awaitReady() {
    var health =
        HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("./gitter run exited: " + tail());
      }
      if (answersUp(health) && saidReady()) {
        return;
      }
      Pause.sleep(100);
    }
    close();
    throw new IllegalStateException("./gitter run not ready in " + START_TIMEOUT + ": " + tail());
  }

  /**
   * Whether the launcher reported ready: it also waits until each WAR serves, which Payara's
   * readiness can precede by a moment.
   */
  private boolean saidReady() {
    try {
      return Files.readString(log).contains("[gitter] ready (environment");
    } catch (IOException notYet) {
      return false;
    }
  }

  private static boolean answersUp(HttpRequest health) {
    try {
      return HTTP.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notListeningYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGTERM; waits for the script to stop what it started, then kills what is left. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
