package org.gitterjakarta.mongo.control;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Documents read from MongoDB, kept for a short while in this instance for lookups that every
 * request repeats (its caller, its room, the room's community). The owner forgets an entry when it
 * writes it; a write on another instance shows here after at most the time to live. Only found
 * documents are kept, so something just created is never hidden by an earlier miss.
 */
public final class LocalCache<V> {

  private record Entry<V>(V value, long until) {}

  private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();
  private final long ttlMillis;
  private final int maxEntries;

  public LocalCache(long ttlMillis, int maxEntries) {
    this.ttlMillis = ttlMillis;
    this.maxEntries = maxEntries;
  }

  public Optional<V> find(String id, Function<String, Optional<V>> load) {
    long now = System.currentTimeMillis();
    Entry<V> entry = entries.get(id);
    if (entry != null && entry.until() > now) {
      return Optional.of(entry.value());
    }
    Optional<V> loaded = load.apply(id);
    if (loaded.isPresent()) {
      if (entries.size() >= maxEntries) {
        entries.clear(); // bounded memory; the lookups in use refill it at once
      }
      entries.put(id, new Entry<>(loaded.get(), now + ttlMillis));
    } else {
      entries.remove(id);
    }
    return loaded;
  }

  public void forget(String id) {
    entries.remove(id);
  }
}
