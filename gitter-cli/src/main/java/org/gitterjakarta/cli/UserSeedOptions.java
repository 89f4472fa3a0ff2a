package org.gitterjakarta.cli;

/** {@code user seed <prefix> <count> [--password P]}: many accounts for benchmarks. */
record UserSeedOptions(String prefix, int count, String password) {

  static final String USAGE = "usage: ./gitter user seed <prefix> <count> [--password P]";
  static final int MAX_COUNT = 100_000;

  static UserSeedOptions parse(String... args) {
    String password = "bench-password";
    java.util.List<String> positional = new java.util.ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if ("--password".equals(args[i])) {
        if (++i >= args.length) {
          throw new IllegalArgumentException("--password needs a value\n" + USAGE);
        }
        password = args[i];
      } else if (args[i].startsWith("--")) {
        throw new IllegalArgumentException("Unexpected argument: " + args[i] + "\n" + USAGE);
      } else {
        positional.add(args[i]);
      }
    }
    if (positional.size() != 2) {
      throw new IllegalArgumentException(USAGE);
    }
    int count;
    try {
      count = Integer.parseInt(positional.get(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("count must be a number\n" + USAGE);
    }
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("count must be between 1 and " + MAX_COUNT);
    }
    return new UserSeedOptions(positional.get(0), count, password);
  }

  /** The i-th account's username, counting from 1. */
  String username(int i) {
    return prefix + i;
  }
}
