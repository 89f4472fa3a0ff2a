package org.gitterjakarta.redis.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Cuts the people (or other items) of one many-keyed script call into calls Redis can run. On one
 * server a call takes up to {@code perCall} items, so a large room costs a few calls, not one per
 * person. A Cluster runs a script on the node of its keys, which must share one hash slot: there
 * the items are first grouped by the slot of their keys' hash tag.
 */
public final class SlotBatches {

  private SlotBatches() {}

  public static <T> List<List<T>> of(
      UnifiedJedis redis, List<T> items, Function<T, String> keyOf, int perCall) {
    return of(redis instanceof JedisCluster, items, keyOf, perCall);
  }

  static <T> List<List<T>> of(
      boolean cluster, List<T> items, Function<T, String> keyOf, int perCall) {
    if (!cluster) {
      return chunks(items, perCall);
    }
    Map<Integer, List<T>> bySlot = new LinkedHashMap<>();
    for (T item : items) {
      bySlot
          .computeIfAbsent(JedisClusterCRC16.getSlot(keyOf.apply(item)), slot -> new ArrayList<>())
          .add(item);
    }
    List<List<T>> batches = new ArrayList<>();
    bySlot.values().forEach(sameSlot -> batches.addAll(chunks(sameSlot, perCall)));
    return batches;
  }

  private static <T> List<List<T>> chunks(List<T> all, int size) {
    List<List<T>> parts = new ArrayList<>();
    for (int from = 0; from < all.size(); from += size) {
      parts.add(all.subList(from, Math.min(all.size(), from + size)));
    }
    return parts;
  }
}
