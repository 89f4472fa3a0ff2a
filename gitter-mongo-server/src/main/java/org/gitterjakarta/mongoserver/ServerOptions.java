package org.gitterjakarta.mongoserver;

import java.nio.file.Path;
import java.util.Optional;

/** Command line of the embedded server: {@code [--host H] [--port N] [--data FILE]}. */
record ServerOptions(String host, int port, Optional<Path> dataFile) {

  static final int DEFAULT_PORT = 27017;

  static ServerOptions parse(String... args) {
    String host = "127.0.0.1";
    int port = DEFAULT_PORT;
    Optional<Path> dataFile = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--host" -> host = required("--host", value);
        case "--port" -> port = port(required("--port", value));
        case "--data" -> dataFile = Optional.of(Path.of(required("--data", value)));
        default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
      }
      i++;
    }
    return new ServerOptions(host, port, dataFile);
  }

  private static String required(String option, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("Port out of range: " + value);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Port is not a number: " + value, e);
    }
  }
}
