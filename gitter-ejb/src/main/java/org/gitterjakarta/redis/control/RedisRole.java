package org.gitterjakarta.redis.control;

/**
 * Gitter's four logical Redis servers. Each has its own URI key ({@code gitter.redis.<role>.uri});
 * all default to one shared server.
 */
public enum RedisRole {
  /** Unread items, mentions, badges, presence, rate limits: must survive restarts. */
  PERSIST,
  /** Token cache, short locks: harmless to lose. */
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
