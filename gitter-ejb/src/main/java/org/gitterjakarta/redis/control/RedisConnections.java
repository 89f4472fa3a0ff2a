package org.gitterjakarta.redis.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.eclipse.microprofile.config.Config;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisSentineled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Owns one pooled Jedis client per {@link RedisRole}, built from config at start and closed at
 * shutdown: a single server, a Sentinel-watched master or a Cluster ({@link RedisServers}), all
 * behind {@link UnifiedJedis}. Single-server pools connect lazily, so the app starts even while
 * Redis is down (readiness says so); the Sentinel and Cluster clients ask their nodes at start.
 */
@ApplicationScoped
public class RedisConnections {

  private static final System.Logger LOGGER = System.getLogger(RedisConnections.class.getName());

  @Inject Config config;

  private final Map<RedisRole, UnifiedJedis> clients = new EnumMap<>(RedisRole.class);

  @PostConstruct
  void open() {
    int timeout = config.getValue("gitter.redis.timeout-ms", Integer.class);
    int maxTotal = config.getValue("gitter.redis.pool.max-total", Integer.class);
    Function<String, Optional<String>> lookup = key -> config.getOptionalValue(key, String.class);
    for (RedisRole role : RedisRole.values()) {
      RedisServers servers = RedisServers.of(role, lookup);
      clients.put(role, connect(servers, timeout, maxTotal));
      LOGGER.log(System.Logger.Level.INFO, "Redis {0}: {1}", role.key(), servers.describe());
    }
  }

  /** Builds the pools at deployment, not on the first request that needs Redis. */
  void openAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    LOGGER.log(System.Logger.Level.DEBUG, "Redis pools ready: {0}", clients.keySet());
  }

  /** The role's client; the sentinels are asked without the data servers' credentials. */
  static UnifiedJedis connect(RedisServers servers, int timeoutMillis, int maxTotal) {
    JedisClientConfig clientConfig = clientConfig(servers.uri(), timeoutMillis);
    return switch (servers.shape()) {
      case SINGLE -> connect(servers.uri(), timeoutMillis, maxTotal);
      case SENTINEL ->
          new JedisSentineled(
              servers.masterName(),
              clientConfig,
              pool(maxTotal),
              servers.nodes(),
              DefaultJedisClientConfig.builder()
                  .connectionTimeoutMillis(timeoutMillis)
                  .socketTimeoutMillis(timeoutMillis)
                  .build());
      case CLUSTER -> new JedisCluster(servers.nodes(), clientConfig, pool(maxTotal));
    };
  }

  /**
   * A single server, through {@link GuardedConnection}s. The Sentinel and Cluster clients build
   * their pools themselves and so use Jedis' plain connections.
   */
  static JedisPooled connect(URI uri, int timeoutMillis, int maxTotal) {
    return new JedisPooled(
        new GuardedConnectionFactory(
            new HostAndPort(uri.getHost(), uri.getPort()), clientConfig(uri, timeoutMillis)),
        pool(maxTotal));
  }

  private static JedisClientConfig clientConfig(URI uri, int timeoutMillis) {
    return DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(timeoutMillis)
        .socketTimeoutMillis(timeoutMillis)
        .user(JedisURIHelper.getUser(uri))
        .password(JedisURIHelper.getPassword(uri))
        .database(JedisURIHelper.getDBIndex(uri))
        .ssl(JedisURIHelper.isRedisSSLScheme(uri))
        .build();
  }

  private static GenericObjectPoolConfig<Connection> pool(int maxTotal) {
    var pool = new GenericObjectPoolConfig<Connection>();
    pool.setMaxTotal(maxTotal);
    pool.setMaxIdle(maxTotal);
    pool.setJmxEnabled(false);
    return pool;
  }

  public UnifiedJedis client(RedisRole role) {
    return clients.get(role);
  }

  @Produces
  @Redis(RedisRole.PERSIST)
  UnifiedJedis persist() {
    return client(RedisRole.PERSIST);
  }

  @Produces
  @Redis(RedisRole.NONPERSIST)
  UnifiedJedis nonpersist() {
    return client(RedisRole.NONPERSIST);
  }

  @Produces
  @Redis(RedisRole.PUBSUB)
  UnifiedJedis pubsub() {
    return client(RedisRole.PUBSUB);
  }

  @PreDestroy
  void close() {
    clients.values().forEach(UnifiedJedis::close);
    clients.clear();
  }
}
