package org.gitterjakarta.testsupport.redis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.gitterjakarta.testsupport.Pause;

/**
 * A Redis Cluster of masters only (no replicas: tests need the slots spread, not failover) on local
 * ports, created with {@code redis-cli --cluster create} and ready once every node says {@code
 * cluster_state:ok}.
 */
public final class ClusterNodes implements AutoCloseable {

  static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final List<RedisProcess> nodes = new ArrayList<>();

  public static ClusterNodes start(Path dir, int masters) {
    var cluster = new ClusterNodes();
    try {
      for (int i = 1; i <= masters; i++) {
        cluster.nodes.add(
            RedisProcess.server(
                dir,
                "node" + i,
                "--cluster-enabled",
                "yes",
                "--cluster-config-file",
                "nodes.conf",
                "--cluster-node-timeout",
                "2000"));
      }
      List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
      cluster.nodes.forEach(node -> create.add(node.address()));
      create.add("--cluster-yes");
      Cli.run(create);
      cluster.awaitOk();
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** {@code host:port,...} of the nodes, as {@code gitter.redis.cluster} takes them. */
  public String addresses() {
    return nodes.stream().map(RedisProcess::address).collect(Collectors.joining(","));
  }

  public List<RedisProcess> nodes() {
    return List.copyOf(nodes);
  }

  private void awaitOk() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!nodes.stream().allMatch(n -> n.cli("CLUSTER", "INFO").contains("cluster_state:ok"))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("cluster not ok in " + READY_TIMEOUT);
      }
      Pause.sleep(100);
    }
  }

  @Override
  public void close() {
    nodes.forEach(RedisProcess::close);
  }
}
