package org.gitterjakarta.cli;

import java.nio.file.Path;
import java.util.Optional;

/** {@code import <file> --room <community>/<room> [--admin <username>] [--public]}. */
record ImportOptions(Path file, String room, Optional<String> admin, boolean publicRoom) {

  static final String USAGE =
      "usage: ./gitter import <file> --room <community>/<room> [--admin <username>] [--public]";

  static ImportOptions parse(String... args) {
    Path file = null;
    String room = null;
    Optional<String> admin = Optional.empty();
    boolean publicRoom = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--room" -> room = value(args, ++i, "--room");
        case "--admin" -> admin = Optional.of(value(args, ++i, "--admin"));
        case "--public" -> publicRoom = true;
        default -> {
          if (args[i].startsWith("--") || file != null) {
            throw new IllegalArgumentException("Unexpected argument: " + args[i] + "\n" + USAGE);
          }
          file = Path.of(args[i]);
        }
      }
    }
    if (file == null || room == null) {
      throw new IllegalArgumentException(USAGE);
    }
    return new ImportOptions(file, room, admin, publicRoom);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return args[index];
  }
}
