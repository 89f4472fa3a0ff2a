package org.gitterjakarta.mongoserver;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Command line of the embedded server: {@code [--host H] [--port N] [--data FILE] [--cache-mb M]}.
 * The cache is the data file's page cache in memory, as mongod's storage engine keeps one.
 */
record ServerOptions(String host, int port, Optional<Path> dataFile, int cacheMegabytes) {

  static final int DEFAULT_PORT = 27017;

  /** H2's own default, and the least the default below gives. */
  static final int MIN_CACHE_MEGABYTES = 16;

  private static final long MEGABYTE = 1024 * 1024;

  static ServerOptions parse(String... args) {
    String host = "127.0.0.1";
    int port = DEFAULT_PORT;
    Optional<Path> dataFile = Optional.empty();
    long maxHeap = Runtime.getRuntime().maxMemory();
    int cacheMegabytes = defaultCacheMegabytes(maxHeap);
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--host" -> host = required("--host", value);
        case "--port" -> port = port(required("--port", value));
        case "--data" -> dataFile = Optional.of(Path.of(required("--data", value)));
        case "--cache-mb" ->
            cacheMegabytes = cacheMegabytes(required("--cache-mb", value), maxHeap);
        default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
      }
      i++;
    }
    return new ServerOptions(host, port, dataFile, cacheMegabytes);
  }

  /**
   * A quarter of the heap: H2's 16 MB held a few percent of a 100,000-message room, so a random
   * history page was read from the file and decoded again each time (gitter-bench, issue 18). The
   * rest of the heap is for the in-memory indexes ({@link SortedIndex}) and the requests; the cache
   * fills as they are built at start, so a bigger data set needs a bigger heap.
   */
  static int defaultCacheMegabytes(long maxHeapBytes) {
    long quarter = maxHeapBytes / 4 / MEGABYTE;
    return (int) Math.min(Integer.MAX_VALUE, Math.max(MIN_CACHE_MEGABYTES, quarter));
  }

  static int cacheMegabytes(String value, long maxHeapBytes) {
    long megabytes;
    try {
      megabytes = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Cache size is not a number: " + value, e);
    }
    if (megabytes < 1) {
      throw new IllegalArgumentException("Cache size must be at least 1 MB: " + value);
    }
    if (megabytes >= maxHeapBytes / MEGABYTE) {
      throw new IllegalArgumentException(
          "Cache size must be less than the heap (" + maxHeapBytes / MEGABYTE + " MB): " + value);
    }
    return (int) megabytes;
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
