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

  /** As the clients' access checks met it at the open-files limit: through the EJB container. */
  @Test
  void aMongoDbThatCannotBeReachedIsAnOutageThroughTheContainersWrapping() {
    var address = new com.mongodb.ServerAddress("127.0.0.1", 27017);
    var noFile =
        new com.mongodb.MongoSocketOpenException(
            "Exception opening socket",
            address,
            new java.net.SocketException("Too many open files"));
    assertThat(Outages.isOutage(new jakarta.ejb.EJBException(noFile))).isTrue();
    assertThat(
            Outages.isOutage(
                new jakarta.ejb.EJBException(
                    new com.mongodb.MongoTimeoutException("Timed out waiting for a server"))))
        .isTrue();
    assertThat(Outages.isOutage(new jakarta.ejb.EJBException(new NullPointerException())))
        .isFalse();
  }

  @Test
  void aRefusedCommandIsNot() {
    assertThat(Outages.isRedisOutage(new JedisDataException("WRONGTYPE Operation against a key")))
        .isFalse();
    assertThat(Outages.isOutage(new IllegalArgumentException("bug"))).isFalse();
  }
}
