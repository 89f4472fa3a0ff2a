package org.gitterjakarta.messages.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Against the tests' real Redis, with keys of each test's own: two instances sharing the list of
 * reads, one of which stops while it holds a batch.
 */
class ReadByBatchTest {

  static final URI REDIS =
      URI.create(System.getProperty("test.redis.uri", "redis://127.0.0.1:6379"));

  final JedisPooled redis = new JedisPooled(REDIS);
  final String namespace = "rb-test-" + UUID.randomUUID();
  final ReadByBatch cut = instance(ReadByBatch.ABANDONED_AFTER);

  final String room = new ObjectId().toHexString();
  final String message = new ObjectId().toHexString();

  ReadByBatch instance(Duration abandonedAfter) {
    return new ReadByBatch(redis, namespace, abandonedAfter);
  }

  @AfterEach
  void clean() {
    var keys = redis.keys("{" + namespace + "}*");
    if (!keys.isEmpty()) {
      redis.del(keys.toArray(String[]::new));
    }
    redis.close();
  }

  @Test
  void takesABatchAgainUntilItIsDone() {
    cut.record(room, "u1", List.of(message));

    List<ReadByBatch.Read> taken = cut.take(10);
    cut.record(room, "u2", List.of(message));

    assertThat(taken).containsExactly(new ReadByBatch.Read(room, message, "u1"));
    assertThat(cut.take(10)).as("the write failed: same batch, newer reads wait").isEqualTo(taken);
    cut.done();
    assertThat(cut.take(10)).containsExactly(new ReadByBatch.Read(room, message, "u2"));
  }

  @Test
  void handsEachReadToOneInstance() {
    ReadByBatch other = instance(ReadByBatch.ABANDONED_AFTER);
    cut.record(room, "u1", List.of(message));

    assertThat(cut.take(10)).hasSize(1);
    assertThat(other.take(10)).isEmpty();
  }

  @Test
  void givesTheBatchOfAnInstanceThatStoppedToAnother() throws InterruptedException {
    cut.record(room, "u1", List.of(message));
    cut.record(room, "u2", List.of(message));
    List<ReadByBatch.Read> held = cut.take(10);
    cut.record(room, "u3", List.of(message));
    // cut stops here, never done; the other gives up on silent holders after 50 ms
    ReadByBatch other = instance(Duration.ofMillis(50));
    Thread.sleep(100);

    assertThat(other.take(2)).as("first, in order").isEqualTo(held);
    other.done();
    assertThat(other.take(10)).containsExactly(new ReadByBatch.Read(room, message, "u3"));
  }

  @Test
  void leavesTheBatchOfAnInstanceThatStillTakes() throws InterruptedException {
    cut.record(room, "u1", List.of(message));
    cut.take(10);
    ReadByBatch other = instance(Duration.ofMillis(500));
    Thread.sleep(100);

    assertThat(other.take(10)).isEmpty();
    assertThat(cut.take(10)).hasSize(1);
  }

  @Test
  void ignoresMessageIdsThatAreNotObjectIds() {
    cut.record(room, "u1", List.of("not-an-id", message));

    assertThat(cut.take(10)).containsExactly(new ReadByBatch.Read(room, message, "u1"));
  }

  @Test
  void itsKeysShareOneClusterSlot() {
    assertThat(cut.takeKeys().stream().map(JedisClusterCRC16::getSlot).distinct()).hasSize(1);
    assertThat(new ReadByBatch().takeKeys().get(0)).isEqualTo("{rb}:readBy");
  }
}
