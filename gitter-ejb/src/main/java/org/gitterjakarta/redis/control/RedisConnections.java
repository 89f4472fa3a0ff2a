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
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.eclipse.microprofile.config.Config;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Owns one pooled Jedis client per {@link RedisRole}, built from config at start and closed at
 * shutdown. Pools connect lazily, so the app starts even while Redis is down; readiness says so.
 */
@ApplicationScoped
public class RedisConnections {

  private static final System.Logger LOGGER = System.getLogger(RedisConnections.class.getName());

  @Inject Config config;

  private final Map<RedisRole, JedisPooled> clients = new EnumMap<>(RedisRole.class);

  @PostConstruct
  void open() {
    int timeout = config.getValue("gitter.redis.timeout-ms", Integer.class);
    int maxTotal = config.getValue("gitter.redis.pool.max-total", Integer.class);
    for (RedisRole role : RedisRole.values()) {
      URI uri = URI.create(config.getValue(role.uriProperty(), String.class));
      clients.put(role, connect(uri, timeout, maxTotal));
      LOGGER.log(
          System.Logger.Level.INFO,
          "Redis {0} at {1}:{2}",
          role.key(),
          uri.getHost(),
          String.valueOf(uri.getPort()));
    }
  }

  /** Builds the pools at deployment, not on the first request that needs Redis. */
  void openAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    LOGGER.log(System.Logger.Level.DEBUG, "Redis pools ready: {0}", clients.keySet());
  }

  static JedisPooled connect(URI uri, int timeoutMillis, int maxTotal) {
    JedisClientConfig clientConfig =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(timeoutMillis)
            .socketTimeoutMillis(timeoutMillis)
            .user(JedisURIHelper.getUser(uri))
            .password(JedisURIHelper.getPassword(uri))
            .database(JedisURIHelper.getDBIndex(uri))
            .ssl(JedisURIHelper.isRedisSSLScheme(uri))
            .build();
    var pool = new GenericObjectPoolConfig<Connection>();
    pool.setMaxTotal(maxTotal);
    pool.setMaxIdle(maxTotal);
    pool.setJmxEnabled(false);
    return new JedisPooled(
        new GuardedConnectionFactory(new HostAndPort(uri.getHost(), uri.getPort()), clientConfig),
        pool);
  }

  public JedisPooled client(RedisRole role) {
    return clients.get(role);
  }

  @Produces
  @Redis(RedisRole.PERSIST)
  JedisPooled persist() {
    return client(RedisRole.PERSIST);
  }

  @Produces
  @Redis(RedisRole.NONPERSIST)
  JedisPooled nonpersist() {
    return client(RedisRole.NONPERSIST);
  }

  @Produces
  @Redis(RedisRole.PUBSUB)
  JedisPooled pubsub() {
    return client(RedisRole.PUBSUB);
  }

  @PreDestroy
  void close() {
    clients.values().forEach(JedisPooled::close);
    clients.clear();
  }
}
