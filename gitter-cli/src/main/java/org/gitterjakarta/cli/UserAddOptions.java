package org.gitterjakarta.cli;

import java.util.Optional;

/** {@code user add <username> [--password P] [--admin] [--name N] [--email E]}. */
record UserAddOptions(
    String username,
    Optional<String> password,
    boolean admin,
    Optional<String> displayName,
    Optional<String> email) {

  static final String USAGE =
      "usage: ./gitter user add <username> [--password P] [--admin] [--name N] [--email E]";

  static UserAddOptions parse(String... args) {
    String username = null;
    Optional<String> password = Optional.empty();
    Optional<String> name = Optional.empty();
    Optional<String> email = Optional.empty();
    boolean admin = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--admin" -> admin = true;
        case "--password" -> password = Optional.of(value(args, ++i, "--password"));
        case "--name" -> name = Optional.of(value(args, ++i, "--name"));
        case "--email" -> email = Optional.of(value(args, ++i, "--email"));
        default -> {
          if (args[i].startsWith("--") || username != null) {
            throw new IllegalArgumentException("Unexpected argument: " + args[i] + "\n" + USAGE);
          }
          username = args[i];
        }
      }
    }
    if (username == null) {
      throw new IllegalArgumentException(USAGE);
    }
    return new UserAddOptions(username, password, admin, name, email);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return args[index];
  }
}
