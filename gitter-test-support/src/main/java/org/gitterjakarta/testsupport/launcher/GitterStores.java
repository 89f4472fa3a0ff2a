package org.gitterjakarta.testsupport.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gitterjakarta.testsupport.Pause;

/**
 * A {@code ./gitter stores} process: Redis and the MongoDB wire server without an instance, so that
 * instances given their URIs can be restarted while the stores keep running. Ready once the
 * launcher printed the URIs; stopped with SIGTERM.
 */
public final class GitterStores implements AutoCloseable {

  /** As long as an instance's: the launcher first builds what is stale. */
  private static final Duration START_TIMEOUT = GitterRun.START_TIMEOUT;

  private static final Pattern READY =
      Pattern.compile("stores ready: GITTER_REDIS_URI=(\\S+) GITTER_MONGO_URI=(\\S+)");

  private final Process process;
  private final Path log;
  private Duration startup;
  private Map<String, String> uris = Map.of();

  private GitterStores(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static GitterStores start(ProcessBuilder builder, Path log) {
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      long start = System.nanoTime();
      var stores =
          new GitterStores(
              builder.redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
      stores.awaitReady();
      stores.startup = Duration.ofNanos(System.nanoTime() - start);
      return stores;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** From the launcher's start until both stores answered. */
  public Duration startup() {
    return startup;
  }

  /**
   * {@code environment} with the stores' URIs, for {@link GitterScript#run}; fails when the stores
   * stopped (the launcher stops both when one of them stops on its own).
   */
  public Map<String, String> environmentFor(Map<String, String> environment) {
    if (!process.isAlive()) {
      throw new IllegalStateException("./gitter stores stopped: " + output());
    }
    Map<String, String> withStores = new LinkedHashMap<>(environment);
    withStores.putAll(uris);
    return withStores;
  }

  /** The launcher's process; Redis and the wire server are among its descendants. */
  public ProcessHandle handle() {
    return process.toHandle();
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher ready = READY.matcher(output());
      if (ready.find()) {
        uris = Map.of("GITTER_REDIS_URI", ready.group(1), "GITTER_MONGO_URI", ready.group(2));
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("./gitter stores exited: " + output());
      }
      Pause.sleep(100);
    }
    close();
    throw new IllegalStateException("./gitter stores not ready in " + START_TIMEOUT);
  }

  private String output() {
    try {
      return Files.readString(log);
    } catch (IOException notYet) {
      return "";
    }
  }

  /** SIGTERM; waits for the launcher to stop both stores, then kills what is left. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(GitterRun.STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
