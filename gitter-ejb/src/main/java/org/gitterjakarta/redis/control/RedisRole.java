package org.gitterjakarta.redis.control;

/**
 * The logical Redis servers. Each has its own keys ({@code gitter.redis.<role>.uri}, {@code
 * .sentinels}, {@code .cluster}; see {@link RedisServers}); all default to one shared server.
 * Gitter had a fourth, a size-capped cache; here rooms, communities and people are cached in each
 * instance's memory for a few seconds instead, so it has no role.
 */
public enum RedisRole {
  /** Unread items, mentions, badges, rate limits, read receipts to write: must survive restarts. */
  PERSIST,
  /** Presence and the token cache: short-lived, need not survive a restart. */
  NONPERSIST,
  /** Live events from writers to the realtime instances. */
  PUBSUB;

  public String key() {
    return name().toLowerCase();
  }
}
