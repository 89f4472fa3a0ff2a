package org.gitterjakarta.presence.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.util.JedisClusterCRC16;

/** Presence scripts read keys named in a socket's hash: on a Cluster all must be in one slot. */
class PresenceStoreKeysTest {

  @Test
  void everyPresenceKeyIsInTheSlotOfTheScriptsDeclaredKeys() {
    List<String> keys = new ArrayList<>(PresenceStore.connectKeys("s1", "u1", "ws-1"));
    // the names the scripts build from the prefix they get (rooms, people, instances)
    keys.add(PresenceStore.PREFIX + "ri:" + "room1");
    keys.add(PresenceStore.PREFIX + "alive:" + "ws-1");

    int slot = JedisClusterCRC16.getSlot(PresenceStore.socketKey("another socket"));
    assertThat(keys).allSatisfy(key -> assertThat(JedisClusterCRC16.getSlot(key)).isEqualTo(slot));
  }
}
