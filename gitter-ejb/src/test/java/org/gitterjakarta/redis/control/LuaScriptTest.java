package org.gitterjakarta.redis.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** Against the tests' real Redis, with scripts it has never seen (their text is unique). */
class LuaScriptTest {

  static final URI REDIS =
      URI.create(System.getProperty("test.redis.uri", "redis://127.0.0.1:6379"));

  final JedisPooled redis = RedisConnections.connect(REDIS, 2000, 4);
  final String key = "lua-test-" + UUID.randomUUID();
  final LuaScript cut =
      new LuaScript("-- " + key + "\n return redis.call('INCRBY', KEYS[1], ARGV[1])");

  @AfterEach
  void clean() {
    redis.del(key);
    redis.close();
  }

  @Test
  void runsAnUnknownScriptOnceByTextAndThenBySha() {
    assertThat(cut.eval(redis, List.of(key), List.of("2"))).isEqualTo(2L);
    assertThat(redis.scriptExists(List.of(cut.sha()))).containsExactly(true);
    assertThat(cut.eval(redis, List.of(key), List.of("3"))).isEqualTo(5L);
  }

  @Test
  void runsManyCallsInOneRoundTripEvenWhenRedisDoesNotKnowTheScript() {
    var call = new LuaScript.Call(List.of(key), List.of("1"));

    assertThat(cut.evalAll(redis, List.of(call, call, call))).containsExactly(1L, 2L, 3L);
    assertThat(cut.evalAll(redis, List.of(call, call))).containsExactly(4L, 5L);
  }
}
