package org.gitterjakarta.testsupport.redis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.gitterjakarta.testsupport.Pause;

/**
 * One master, one replica and three sentinels (quorum two) on local ports, ready: the replica is in
 * sync and every sentinel knows the replica and the two other sentinels, so a failover can happen
 * at once.
 */
public final class SentinelGroup implements AutoCloseable {

  public static final String MASTER_NAME = "gitter";
  static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);

  private final List<RedisProcess> servers = new ArrayList<>();
  private final List<RedisProcess> sentinels = new ArrayList<>();

  public static SentinelGroup start(Path dir) {
    var group = new SentinelGroup();
    try {
      RedisProcess master = RedisProcess.server(dir, "master");
      group.servers.add(master);
      group.servers.add(
          RedisProcess.server(dir, "replica", "--replicaof", "127.0.0.1", "" + master.port));
      for (int i = 1; i <= 3; i++) {
        group.sentinels.add(RedisProcess.sentinel(dir, "sentinel" + i, MASTER_NAME, master.port));
      }
      group.awaitSettled();
      return group;
    } catch (RuntimeException e) {
      group.close();
      throw e;
    }
  }

  /** {@code host:port,...} of the sentinels, as {@code gitter.redis.sentinels} takes them. */
  public String sentinels() {
    return sentinels.stream().map(RedisProcess::address).collect(Collectors.joining(","));
  }

  /** The data node the sentinels call master now. */
  public RedisProcess master() {
    String[] address =
        sentinels.get(0).cli("SENTINEL", "get-master-addr-by-name", MASTER_NAME).split("\\R");
    int port = Integer.parseInt(address[1].strip());
    return servers.stream().filter(s -> s.port == port).findFirst().orElseThrow();
  }

  /** Asks a sentinel to promote the replica now, without waiting for the master to fail. */
  public void failover() {
    sentinels.get(0).cli("SENTINEL", "FAILOVER", MASTER_NAME);
  }

  /** Waits until the sentinels name a master other than {@code old} and it takes writes. */
  public RedisProcess awaitNewMaster(RedisProcess old, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      RedisProcess now = master();
      if (now != old && "master".equals(now.info("replication", "role"))) {
        return now;
      }
      Pause.sleep(100);
    }
    throw new IllegalStateException("no new master within " + timeout);
  }

  private void awaitSettled() {
    long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
    while (!settled()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("sentinel group not settled in " + SETTLE_TIMEOUT);
      }
      Pause.sleep(200);
    }
  }

  private boolean settled() {
    if (!"up".equals(servers.get(1).info("replication", "master_link_status"))) {
      return false;
    }
    for (RedisProcess sentinel : sentinels) {
      String state = sentinel.cli("SENTINEL", "master", MASTER_NAME);
      if (!field(state, "num-slaves").equals("1")
          || !field(state, "num-other-sentinels").equals("2")) {
        return false;
      }
    }
    return true;
  }

  /** A field of {@code SENTINEL master}'s reply, which redis-cli prints as name/value lines. */
  private static String field(String reply, String name) {
    String[] lines = reply.split("\\R");
    for (int i = 0; i + 1 < lines.length; i++) {
      if (lines[i].strip().equals(name)) {
        return lines[i + 1].strip();
      }
    }
    return "";
  }

  @Override
  public void close() {
    sentinels.forEach(RedisProcess::close);
    servers.forEach(RedisProcess::close);
  }
}
