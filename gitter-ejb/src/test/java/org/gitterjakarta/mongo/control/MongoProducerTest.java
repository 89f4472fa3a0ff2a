package org.gitterjakarta.mongo.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import org.junit.jupiter.api.Test;

class MongoProducerTest {

  @Test
  void keepsCredentialsOutOfTheLog() {
    assertThat(MongoProducer.redacted("mongodb://gitter:s3cret@db1:27017,db2:27017/gitter?rs=rs0"))
        .isEqualTo("mongodb://***@db1:27017,db2:27017/gitter?rs=rs0");
  }

  @Test
  void leavesUrisWithoutCredentialsAlone() {
    assertThat(MongoProducer.redacted("mongodb://127.0.0.1:27017"))
        .isEqualTo("mongodb://127.0.0.1:27017");
  }

  @Test
  void keepsAFewConnectionsOpenUnlessTheUriSaysOtherwise() {
    assertThat(MongoProducer.minConnections(new ConnectionString("mongodb://db1:27017")))
        .isEqualTo(MongoProducer.MIN_CONNECTIONS);
    assertThat(
            MongoProducer.minConnections(
                new ConnectionString("mongodb://db1:27017/?minPoolSize=9")))
        .isEqualTo(9);
    assertThat(
            MongoProducer.minConnections(
                new ConnectionString("mongodb://db1:27017/?maxPoolSize=2")))
        .as("never above the pool's maximum, which the driver refuses")
        .isEqualTo(2);
  }
}
