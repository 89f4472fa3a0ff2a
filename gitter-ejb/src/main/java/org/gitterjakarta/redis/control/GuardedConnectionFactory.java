package org.gitterjakarta.redis.control;

import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.PooledObjectFactory;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.gitterjakarta.metrics.control.ProductMetrics;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisSocketFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisSocketFactory;

/** Makes the pool's connections {@link GuardedConnection}s; otherwise as Jedis' own factory. */
final class GuardedConnectionFactory implements PooledObjectFactory<Connection> {

  private final JedisSocketFactory sockets;
  private final JedisClientConfig config;

  GuardedConnectionFactory(HostAndPort address, JedisClientConfig config) {
    this.sockets = new DefaultJedisSocketFactory(address, config);
    this.config = config;
  }

  @Override
  public PooledObject<Connection> makeObject() {
    try {
      return new DefaultPooledObject<>(new GuardedConnection(sockets, config));
    } catch (RuntimeException cannotConnect) {
      ProductMetrics.redisFailed();
      throw cannotConnect;
    }
  }

  @Override
  public void destroyObject(PooledObject<Connection> pooled) {
    pooled.getObject().disconnect();
  }

  @Override
  public boolean validateObject(PooledObject<Connection> pooled) {
    Connection connection = pooled.getObject();
    try {
      return connection.isConnected() && connection.ping();
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void activateObject(PooledObject<Connection> pooled) {}

  @Override
  public void passivateObject(PooledObject<Connection> pooled) {}
}
