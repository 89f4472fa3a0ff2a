package org.gitterjakarta.redis.control;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import redis.clients.jedis.HostAndPort;

/**
 * Where one role's Redis is: a single server (its URI), a master found through Sentinel, or a
 * Cluster. A role's own key wins over the all-roles key ({@code gitter.redis.persist.cluster} over
 * {@code gitter.redis.cluster}); a cluster wins over sentinels, sentinels over the URI. The URI
 * still gives the credentials and database of the Sentinel and Cluster shapes.
 */
record RedisServers(Shape shape, URI uri, Set<HostAndPort> nodes, String masterName) {

  public enum Shape {
    SINGLE,
    SENTINEL,
    CLUSTER
  }

  static final String DEFAULT_MASTER_NAME = "mymaster";

  /** Reads the role's keys through {@code lookup} (a config, a map in tests). */
  static RedisServers of(RedisRole role, Function<String, Optional<String>> lookup) {
    URI uri = URI.create(setting(role, "uri", lookup).orElseThrow());
    Optional<String> cluster = setting(role, "cluster", lookup);
    if (cluster.isPresent()) {
      return new RedisServers(Shape.CLUSTER, uri, nodes(cluster.get()), null);
    }
    Optional<String> sentinels = setting(role, "sentinels", lookup);
    if (sentinels.isPresent()) {
      String master = setting(role, "master-name", lookup).orElse(DEFAULT_MASTER_NAME);
      return new RedisServers(Shape.SENTINEL, uri, nodes(sentinels.get()), master);
    }
    return new RedisServers(Shape.SINGLE, uri, Set.of(address(uri)), null);
  }

  private static Optional<String> setting(
      RedisRole role, String name, Function<String, Optional<String>> lookup) {
    return lookup
        .apply("gitter.redis." + role.key() + "." + name)
        .or(() -> lookup.apply("gitter.redis." + name))
        .map(String::strip)
        .filter(value -> !value.isEmpty());
  }

  /** {@code host:port,host:port} (spaces allowed) as addresses. */
  static Set<HostAndPort> nodes(String list) {
    Set<HostAndPort> nodes = new LinkedHashSet<>();
    Arrays.stream(list.split("[,\\s]+"))
        .filter(node -> !node.isBlank())
        .forEach(node -> nodes.add(node(node)));
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("no host:port in '" + list + "'");
    }
    return nodes;
  }

  private static HostAndPort node(String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    try {
      return new HostAndPort(
          hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not host:port: '" + hostAndPort + "'", e);
    }
  }

  private static HostAndPort address(URI uri) {
    return new HostAndPort(uri.getHost(), uri.getPort());
  }

  /** For the log: never the password. */
  String describe() {
    return switch (shape) {
      case SINGLE -> uri.getHost() + ":" + uri.getPort();
      case SENTINEL -> "master '" + masterName + "' via sentinels " + nodes;
      case CLUSTER -> "cluster " + nodes;
    };
  }
}
