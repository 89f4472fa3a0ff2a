package org.gitterjakarta.testsupport.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The {@code gitter} script of the checkout at {@code root}. */
public record GitterScript(Path root) {

  /**
   * {@code ./gitter run --port <port> <args>} with its output in {@code log}; returns once {@code
   * /health/ready} answers UP.
   */
  public GitterRun run(Path log, int port, Map<String, String> environment, String... args) {
    List<String> arguments = new ArrayList<>(List.of("run", "--port", String.valueOf(port)));
    arguments.addAll(List.of(args));
    return GitterRun.start(process(environment, arguments), log, port);
  }

  /**
   * {@code ./gitter stores} with its output in {@code log}; returns once Redis and the MongoDB wire
   * server answer.
   */
  public GitterStores stores(Path log, Map<String, String> environment) {
    return GitterStores.start(process(environment, List.of("stores")), log);
  }

  /** {@code ./gitter <args>} to its end; its standard output. Fails when the command fails. */
  public String call(Duration timeout, Map<String, String> environment, String... args) {
    Path errors = null;
    try {
      errors = Files.createTempFile("gitter-", ".err");
      Process process = process(environment, List.of(args)).redirectError(errors.toFile()).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("./gitter " + String.join(" ", args) + " took too long");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "./gitter " + String.join(" ", args) + " failed: " + output + Files.readString(errors));
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      deleteQuietly(errors);
    }
  }

  /** Only what the caller says: no store URI or setting of the calling shell leaks in. */
  private ProcessBuilder process(Map<String, String> environment, List<String> args) {
    List<String> command = new ArrayList<>(List.of("bash", root.resolve("gitter").toString()));
    command.addAll(args);
    var builder = new ProcessBuilder(command).directory(root.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("GITTER_"));
    builder.environment().putAll(environment);
    return builder;
  }

  private static void deleteQuietly(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException ignored) {
      // a temporary file
    }
  }
}
