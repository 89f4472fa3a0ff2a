package org.gitterjakarta.bench.setup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Accounts made as an operator makes them: {@code ./gitter user seed bench <count>}. */
public final class Accounts {

  private Accounts() {}

  public static List<Account> seed(Path root, Map<String, String> env, int count) {
    try {
      var builder =
          new ProcessBuilder(
                  "bash", root.resolve("gitter").toString(), "user", "seed", "bench", "" + count)
              .directory(root.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT);
      builder.environment().keySet().removeIf(k -> k.startsWith("GITTER_"));
      builder.environment().putAll(env);
      Process process = builder.start();
      List<Account> accounts =
          new String(process.getInputStream().readAllBytes())
              .lines()
              .map(line -> line.split(" "))
              .filter(parts -> parts.length == 2)
              .map(parts -> new Account(parts[0], parts[1]))
              .toList();
      if (process.waitFor() != 0 || accounts.size() != count) {
        throw new IllegalStateException(
            "./gitter user seed made " + accounts.size() + " of " + count);
      }
      return accounts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
