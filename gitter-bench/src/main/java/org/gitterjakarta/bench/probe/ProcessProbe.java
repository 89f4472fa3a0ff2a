package org.gitterjakarta.bench.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of one process, read from {@code /proc} (Linux). */
public record ProcessProbe(String name, long pid) {

  /** Clock ticks per second of /proc/<pid>/stat; 100 on every Linux this bench runs on. */
  static final double TICKS_PER_SECOND = 100.0;

  public static ProcessProbe self(String name) {
    return new ProcessProbe(name, ProcessHandle.current().pid());
  }

  /** User + system CPU seconds so far (children not included). */
  public double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // the command name may hold spaces: fields are counted after its closing parenthesis
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  /** VmRSS in KiB, or -1 when the process is gone. */
  public long rssKiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      // gone
    }
    return -1;
  }

  /** Open file descriptors (sockets included), or -1 when they cannot be listed. */
  public long openFiles() {
    try (var fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
      return fds.count();
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The soft limit on open files ("Max open files" of /proc/<pid>/limits), or -1. */
  public long openFilesLimit() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/limits"))) {
        if (line.startsWith("Max open files")) {
          return Long.parseLong(line.substring("Max open files".length()).strip().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone or unlimited
    }
    return -1;
  }
}
