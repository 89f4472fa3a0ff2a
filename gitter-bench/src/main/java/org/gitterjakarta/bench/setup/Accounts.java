package org.gitterjakarta.bench.setup;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gitterjakarta.testsupport.launcher.GitterScript;

/** Accounts made as an operator makes them: {@code ./gitter user seed bench <count>}. */
public final class Accounts {

  private Accounts() {}

  public static List<Account> seed(GitterScript gitter, Map<String, String> env, int count) {
    List<Account> accounts =
        gitter
            .call(Duration.ofMinutes(30), env, "user", "seed", "bench", "" + count)
            .lines()
            .map(line -> line.split(" "))
            .filter(parts -> parts.length == 2)
            .map(parts -> new Account(parts[0], parts[1]))
            .toList();
    if (accounts.size() != count) {
      throw new IllegalStateException(
          "./gitter user seed made " + accounts.size() + " of " + count);
    }
    return accounts;
  }
}
