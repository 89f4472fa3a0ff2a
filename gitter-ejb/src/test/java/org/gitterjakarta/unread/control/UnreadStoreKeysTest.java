package org.gitterjakarta.unread.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.util.JedisClusterCRC16;

/** On a Redis Cluster a script's keys must share one slot: a person's unread keys do. */
class UnreadStoreKeysTest {

  @Test
  void aPersonsFiveKeysShareOneClusterSlot() {
    var keys = UnreadStore.keys("5f1a2b3c4d5e6f7a8b9c0d1e", "6a1b2c3d4e5f6a7b8c9d0e1f");

    assertThat(keys).hasSize(5).doesNotHaveDuplicates();
    assertThat(keys.stream().map(JedisClusterCRC16::getSlot).distinct()).hasSize(1);
  }

  @Test
  void keysStayReadable() {
    assertThat(UnreadStore.keys("u1", "r1"))
        .containsExactly(
            "unread:chat:{u1}:r1", "m:{u1}:r1", "ub:{u1}", "m:{u1}", "unread:seen:{u1}:r1");
  }

  @Test
  void differentPeopleSpreadOverSlots() {
    assertThat(
            java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> UnreadStore.keys("user" + i, "r").get(0))
                .map(JedisClusterCRC16::getSlot)
                .distinct()
                .count())
        .isGreaterThan(40);
  }
}
