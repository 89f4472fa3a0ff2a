package org.gitterjakarta.ws.bayeux;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Whether this instance takes one more client. Every socket holds one of the process's files; at
 * its open-files limit the instance could no longer open a connection to MongoDB or Redis, and
 * every client's access check would fail. So a new websocket is refused at the configured number of
 * them, and any new client once no more than {@code fileReserve} files are left under the process's
 * limit. Both are kept about, not exactly: a socket counts once it is open, and requests in flight
 * are not counted. The open files are counted at most once a second, by one thread, as counting
 * lists them all; in between, each websocket opened since the count is taken as one more file. A
 * count that fails (listing them needs a file too) is taken as no file left.
 */
final class SocketAdmission {

  static final long RECOUNT_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final int maxSockets;
  private final long fileLimit;
  private final long fileReserve;
  private final LongSupplier openFiles;
  private final LongSupplier nanoClock;
  private volatile Count count;
  private final java.util.concurrent.atomic.AtomicBoolean counting =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** Files open at a moment, and the sockets open then. */
  private record Count(long files, int sockets, long atNanos) {}

  /**
   * @param fileLimit the process's open-files limit, 0 when not known (no file check then)
   * @param fileReserve files to keep for everything but sockets, 0 for no file check
   */
  SocketAdmission(
      int maxSockets,
      long fileLimit,
      long fileReserve,
      LongSupplier openFiles,
      LongSupplier nanoClock) {
    if (maxSockets < 0) {
      throw new IllegalArgumentException("gitter.ws.max-sockets must be 0 or more");
    }
    if (fileReserve < 0) {
      throw new IllegalArgumentException("gitter.ws.file-reserve must be 0 or more");
    }
    this.maxSockets = maxSockets;
    this.fileLimit = fileLimit;
    this.fileReserve = fileReserve;
    this.openFiles = openFiles;
    this.nanoClock = nanoClock;
    if (fileLimit > 0 && fileReserve > 0) {
      count = new Count(countFiles(), 0, nanoClock.getAsLong()); // before the first client
    }
  }

  /** This process's limits: its open-files limit and count, where the JVM tells them (Unix). */
  static SocketAdmission forThisProcess(int maxSockets, long fileReserve) {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      return new SocketAdmission(
          maxSockets,
          unix.getMaxFileDescriptorCount(),
          fileReserve,
          unix::getOpenFileDescriptorCount,
          System::nanoTime);
    }
    return new SocketAdmission(maxSockets, 0, 0, () -> 0, System::nanoTime);
  }

  /** Why a new websocket is refused when {@code openSockets} are open; empty when it is taken. */
  Optional<String> refusal(int openSockets) {
    if (maxSockets > 0 && openSockets >= maxSockets) {
      return Optional.of(openSockets + " websockets open, the most this instance takes");
    }
    return fileRefusal(openSockets);
  }

  /**
   * Why nothing more that holds a file (a websocket, a long-polling client) is taken when {@code
   * openSockets} websockets are open; empty when the process has files to spare.
   */
  Optional<String> fileRefusal(int openSockets) {
    if (fileLimit <= 0 || fileReserve <= 0) {
      return Optional.empty();
    }
    long files = openFiles(openSockets);
    if (files >= fileLimit - fileReserve) {
      return Optional.of(
          files
              + " files open of the process's limit of "
              + fileLimit
              + ", "
              + fileReserve
              + " kept for the stores' connections");
    }
    return Optional.empty();
  }

  private long openFiles(int openSockets) {
    long now = nanoClock.getAsLong();
    Count last = count;
    if (now - last.atNanos() >= RECOUNT_NANOS && counting.compareAndSet(false, true)) {
      try {
        last = count; // another thread may have counted since it was read
        if (now - last.atNanos() >= RECOUNT_NANOS) {
          last = new Count(countFiles(), openSockets, now);
          count = last;
        }
      } finally {
        counting.set(false);
      }
    }
    return last.files() + Math.max(0, openSockets - last.sockets());
  }

  private long countFiles() {
    try {
      return openFiles.getAsLong();
    } catch (RuntimeException | InternalError noFileToListThem) {
      return fileLimit;
    }
  }

  /** Whether the reserve takes half the limit or more: most clients would be refused. */
  boolean reservesHalfTheFiles() {
    return fileLimit > 0 && fileReserve > 0 && fileReserve >= fileLimit / 2;
  }

  @Override
  public String toString() {
    String sockets =
        maxSockets > 0 ? "at most " + maxSockets + " websockets" : "no set number of websockets";
    String files =
        fileLimit > 0 && fileReserve > 0
            ? "new ones refused once "
                + fileReserve
                + " of the process's "
                + fileLimit
                + " open files are left"
            : "no open-files check";
    return sockets + "; " + files;
  }
}
