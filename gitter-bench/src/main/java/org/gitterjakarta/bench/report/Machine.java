package org.gitterjakarta.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facts about the machine and the versions a run used, for the report's reader. */
public final class Machine {

  private Machine() {}

  public static Map<String, String> facts(Path root) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put(
        "CPU",
        grep(Path.of("/proc/cpuinfo"), "model name\\s*:\\s*(.+)")
            + " (nproc "
            + Runtime.getRuntime().availableProcessors()
            + ")");
    facts.put("memory", grep(Path.of("/proc/meminfo"), "MemTotal:\\s*(.+)"));
    facts.put("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    facts.put(
        "Java",
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " (bench and server)");
    long changed =
        command(root, "git", "status", "--porcelain", "--untracked-files=no")
            .lines()
            .filter(l -> !l.isBlank())
            .count();
    facts.put(
        "gitter-jakarta",
        grep(root.resolve("pom.xml"), "<version>([^<]+)</version>")
            + ", commit "
            + command(root, "git", "rev-parse", "--short", "HEAD").lines().findFirst().orElse("?")
            + (changed > 0 ? " with " + changed + " changed files" : ""));
    facts.put("Payara Micro", grep(root.resolve("pom.xml"), "<payara.micro.version>([^<]+)<"));
    facts.put("CometD", grep(root.resolve("pom.xml"), "<cometd.version>([^<]+)<"));
    facts.put("Redis", command(root, "redis-server", "--version"));
    facts.put("Node.js", command(root, "node", "--version"));
    facts.put("load average at start", grep(Path.of("/proc/loadavg"), "^(\\S+ \\S+ \\S+)"));
    Path modules = root.resolve("gitter-bench/faye/node_modules");
    facts.put(
        "Faye", grep(modules.resolve("faye/package.json"), "\"version\"\\s*:\\s*\"([^\"]+)\""));
    facts.put(
        "faye-redis",
        grep(modules.resolve("faye-redis/package.json"), "\"version\"\\s*:\\s*\"([^\"]+)\"")
            + " (redis client "
            + grep(modules.resolve("redis/package.json"), "\"version\"\\s*:\\s*\"([^\"]+)\"")
            + ")");
    return facts;
  }

  /** The client's ephemeral port range: one port per socket to the one server address. */
  public static String ephemeralPorts() {
    // read line by line: Files.readString returned only the first byte of this /proc/sys file
    try {
      return Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
          .get(0)
          .strip()
          .replaceAll("\\s+", "–");
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /** The first group of the first match in a file; "?" when none. */
  static String grep(Path file, String regex) {
    try {
      Matcher m = Pattern.compile(regex).matcher(Files.readString(file));
      return m.find() ? m.group(1).strip() : "?";
    } catch (IOException e) {
      return "?";
    }
  }

  static String command(Path dir, String... command) {
    try {
      var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
      // read-only: git must not refresh the index of a work tree someone may be committing in
      builder.environment().put("GIT_OPTIONAL_LOCKS", "0");
      Process p = builder.start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      p.waitFor(10, TimeUnit.SECONDS);
      return out.isEmpty() ? "" : out;
    } catch (IOException e) {
      return "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }
}
