package org.gitterjakarta.tokens.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.gitterjakarta.redis.control.Redis;
import org.gitterjakarta.redis.control.RedisOutbox;
import org.gitterjakarta.redis.control.RedisRole;
import org.gitterjakarta.redis.control.WhenRedisIsAway;
import org.gitterjakarta.tokens.entity.Caller;
import redis.clients.jedis.UnifiedJedis;

/**
 * Token hash → caller, in the nonpersist Redis for ten minutes, as Gitter cached it: most API calls
 * then cost no MongoDB read. Revoking a token removes its entry at once. While Redis is away the
 * cache is simply missed (tokens resolve from MongoDB, which knows every revocation), and a removal
 * waits in the {@link RedisOutbox} so that no revoked token comes back from the cache.
 */
@ApplicationScoped
public class TokenCache {

  static final String PREFIX = "token:t:";
  static final long TTL_SECONDS = 600;

  @Inject
  @Redis(RedisRole.NONPERSIST)
  UnifiedJedis redis;

  @Inject RedisOutbox outbox;

  public Optional<Caller> find(String tokenHash) {
    String value = WhenRedisIsAway.orElse(() -> redis.get(PREFIX + tokenHash), () -> null);
    if (value == null) {
      return Optional.empty();
    }
    int colon = value.indexOf(':');
    return Optional.of(new Caller(value.substring(0, colon), value.substring(colon + 1)));
  }

  /** Best effort: a token that is not cached resolves from MongoDB. */
  public void put(String tokenHash, Caller caller) {
    put(tokenHash, caller, TTL_SECONDS);
  }

  public void put(String tokenHash, Caller caller, long ttlSeconds) {
    WhenRedisIsAway.orElse(
        () ->
            redis.setex(PREFIX + tokenHash, ttlSeconds, caller.userId() + ":" + caller.clientId()),
        () -> null);
  }

  public void evict(String tokenHash) {
    outbox.run("forgetting a revoked token", () -> redis.del(PREFIX + tokenHash));
  }
}
