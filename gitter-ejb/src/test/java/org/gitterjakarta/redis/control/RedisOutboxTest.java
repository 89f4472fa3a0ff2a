package org.gitterjakarta.redis.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

class RedisOutboxTest {

  final RedisOutbox cut = new RedisOutbox();
  final List<String> done = new ArrayList<>();
  boolean redisAway;

  Runnable work(String name) {
    return () -> {
      if (redisAway) {
        throw new JedisConnectionException("Connection refused");
      }
      done.add(name);
    };
  }

  @Test
  void runsAtOnceWhileRedisAnswers() {
    cut.run("one", work("one"));

    assertThat(done).containsExactly("one");
    assertThat(cut.size()).isZero();
  }

  @Test
  void keepsWorkInOrderWhileRedisIsAwayAndRunsItWhenItReturns() {
    redisAway = true;
    cut.run("one", work("one"));
    cut.run("two", work("two"));
    assertThat(done).isEmpty();
    assertThat(cut.size()).isEqualTo(2);

    redisAway = false;
    assertThat(cut.drain()).isTrue();
    cut.run("three", work("three"));

    assertThat(done).containsExactly("one", "two", "three");
  }

  @Test
  void newWorkWaitsBehindOlderWork() throws Exception {
    redisAway = true;
    cut.run("one", work("one"));
    redisAway = false;
    Thread.sleep(RedisOutbox.RETRY_NANOS / 1_000_000 + 50);

    cut.run("two", work("two"));

    assertThat(done).containsExactly("one", "two");
  }

  @Test
  void workThatWaitedMayHandOnMoreWork() throws Exception {
    redisAway = true;
    cut.run(
        "unread",
        () -> {
          work("unread").run();
          cut.run("its event", work("its event"));
        });
    redisAway = false;
    Thread.sleep(RedisOutbox.RETRY_NANOS / 1_000_000 + 50);

    assertThat(cut.drain()).isTrue();
    assertThat(done).containsExactly("unread", "its event");
  }

  @Test
  void passesOnFailuresThatAreNotOutages() {
    assertThatThrownBy(
            () ->
                cut.run(
                    "wrong type",
                    () -> {
                      throw new JedisDataException("WRONGTYPE");
                    }))
        .isInstanceOf(JedisDataException.class);
    assertThat(cut.size()).isZero();
  }

  @Test
  void dropsTheOldestPastItsCapacity() {
    redisAway = true;
    for (int i = 0; i <= RedisOutbox.CAPACITY; i++) {
      cut.run("work " + i, work("work " + i));
    }
    redisAway = false;
    cut.drain();

    assertThat(done).hasSize(RedisOutbox.CAPACITY).startsWith("work 1");
  }
}
