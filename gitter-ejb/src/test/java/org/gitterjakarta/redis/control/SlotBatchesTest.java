package org.gitterjakarta.redis.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.util.JedisClusterCRC16;

class SlotBatchesTest {

  static final Function<String, String> TAGGED = person -> "ub:{" + person + "}";

  final List<String> people = IntStream.range(0, 1200).mapToObj(i -> "person" + i).toList();

  @Test
  void oneServerTakesAFewHundredPeoplePerCallWhateverTheirSlots() {
    var batches = SlotBatches.of(false, people, TAGGED, 500);

    assertThat(batches).extracting(List::size).containsExactly(500, 500, 200);
    assertThat(batches.stream().flatMap(List::stream)).containsExactlyElementsOf(people);
  }

  @Test
  void aClusterCallHoldsPeopleOfOneSlotOnly() {
    var batches = SlotBatches.of(true, people, TAGGED, 500);

    assertThat(batches.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(people);
    for (List<String> batch : batches) {
      assertThat(batch.stream().map(p -> JedisClusterCRC16.getSlot(TAGGED.apply(p))).distinct())
          .hasSize(1);
    }
  }

  @Test
  void aClusterStillCutsALargeSlotIntoCallsOfTheLimit() {
    List<String> sameSlot = IntStream.range(0, 7).mapToObj(i -> "room").toList();

    assertThat(SlotBatches.of(true, sameSlot, TAGGED, 3))
        .extracting(List::size)
        .containsExactly(3, 3, 1);
  }
}
