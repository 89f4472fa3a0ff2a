package org.gitterjakarta.redis.control;

/**
 * Gitter's four logical Redis servers. Each has its own URI key ({@code gitter.redis.<role>.uri});
 * all default to one shared server.
 */
public enum RedisRole {
  /** Unread items, mentions, badges, rate limits, read receipts to write: must survive restarts. */
  PERSIST,
  /** Presence and the token cache: short-lived, need not survive a restart. */
  NONPERSIST,
  /** Size-capped cache of rendered fragments and room metadata. */
  CACHE,
  /** Live events from writers to the realtime instances. */
  PUBSUB;

  public String key() {
    return name().toLowerCase();
  }

  public String uriProperty() {
    return "gitter.redis." + key() + ".uri";
  }
}
