package org.gitterjakarta.problems;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

class OutagesTest {

  @Test
  void anUnreachableOrStillLoadingRedisIsAnOutage() {
    assertThat(Outages.isRedisOutage(new JedisConnectionException("refused"))).isTrue();
    assertThat(
            Outages.isRedisOutage(
                new IllegalStateException(
                    new JedisDataException("LOADING Redis is loading the dataset in memory"))))
        .isTrue();
  }

  @Test
  void aDemotedMasterOrABrokenClusterIsAnOutage() {
    assertThat(
            Outages.isRedisOutage(
                new JedisDataException("READONLY You can't write against a read only replica.")))
        .isTrue();
    assertThat(Outages.isRedisOutage(new JedisDataException("CLUSTERDOWN The cluster is down")))
        .isTrue();
  }

  @Test
  void aRefusedCommandIsNot() {
    assertThat(Outages.isRedisOutage(new JedisDataException("WRONGTYPE Operation against a key")))
        .isFalse();
    assertThat(Outages.isOutage(new IllegalArgumentException("bug"))).isFalse();
  }
}
