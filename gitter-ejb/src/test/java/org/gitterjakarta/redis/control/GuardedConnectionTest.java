package org.gitterjakarta.redis.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Builder;
import redis.clients.jedis.BuilderFactory;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Protocol;

/** Against the tests' real Redis: a connection that failed mid-command never serves another. */
class GuardedConnectionTest {

  static final URI REDIS =
      URI.create(System.getProperty("test.redis.uri", "redis://127.0.0.1:6379"));

  final JedisPooled cut = RedisConnections.connect(REDIS, 2000, 1);

  @AfterEach
  void close() {
    cut.close();
  }

  @Test
  void discardsTheConnectionWhenAnErrorInterruptsAReply() {
    String key = "guarded-" + UUID.randomUUID();
    cut.rpush(key, "a", "b", "c");

    assertThatThrownBy(() -> cut.executeCommand(lrange(key, failingBuilder())))
        .isInstanceOf(OutOfMemoryError.class);

    assertThat(cut.getPool().getDestroyedCount()).isEqualTo(1);
    assertThat(cut.incr(key + ":n")).isEqualTo(1L);
    cut.del(key, key + ":n");
  }

  @Test
  void keepsTheConnectionWhenRedisAnswersWithAnError() {
    String key = "guarded-" + UUID.randomUUID();
    cut.set(key, "text");

    assertThatThrownBy(() -> cut.incr(key)).hasMessageContaining("not an integer");

    assertThat(cut.getPool().getDestroyedCount()).isZero();
    assertThat(cut.get(key)).isEqualTo("text");
    cut.del(key);
  }

  private static CommandObject<List<String>> lrange(String key, Builder<List<String>> builder) {
    return new CommandObject<>(
        new CommandArguments(Protocol.Command.LRANGE).key(key).add(0).add(-1), builder);
  }

  /** Stands for the heap running out while a reply is turned into Java objects. */
  private static Builder<List<String>> failingBuilder() {
    return new Builder<>() {
      @Override
      public List<String> build(Object data) {
        BuilderFactory.STRING_LIST.build(data);
        throw new OutOfMemoryError("simulated");
      }
    };
  }
}
