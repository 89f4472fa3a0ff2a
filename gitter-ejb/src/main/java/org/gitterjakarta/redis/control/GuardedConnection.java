package org.gitterjakarta.redis.control;

import java.util.List;
import java.util.function.Supplier;
import org.gitterjakarta.metrics.control.ProductMetrics;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisSocketFactory;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A pooled Redis connection that is thrown away after any failure that may have left it mid-reply.
 * Jedis marks a connection broken only on its own connection errors; after an {@link Error} such as
 * {@code OutOfMemoryError} while a reply was being read it would go back to the pool, and the next
 * command on it would read the rest of the old reply as its own. A reply Redis sent as an error
 * ({@link JedisDataException}) was read whole, so the connection stays.
 */
final class GuardedConnection extends Connection {

  GuardedConnection(JedisSocketFactory socketFactory, JedisClientConfig config) {
    super(socketFactory, config);
  }

  @Override
  public <T> T executeCommand(CommandObject<T> command) {
    return guarded(() -> super.executeCommand(command));
  }

  /** A pipeline reads its replies here. */
  @Override
  public List<Object> getMany(int count) {
    return guarded(() -> super.getMany(count));
  }

  @Override
  public Object getOne() {
    return guarded(super::getOne);
  }

  private <T> T guarded(Supplier<T> call) {
    try {
      return call.get();
    } catch (JedisDataException answeredWithAnError) {
      throw answeredWithAnError;
    } catch (RuntimeException | Error anythingElse) {
      ProductMetrics.redisFailed();
      setBroken();
      throw anythingElse;
    }
  }
}
