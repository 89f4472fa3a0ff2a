package org.gitterjakarta.tokens.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.gitterjakarta.redis.control.Redis;
import org.gitterjakarta.redis.control.RedisRole;
import org.gitterjakarta.tokens.entity.Caller;
import redis.clients.jedis.JedisPooled;

/**
 * Token hash → caller, in the nonpersist Redis for ten minutes, as Gitter cached it: most API calls
 * then cost no MongoDB read. Revoking a token removes its entry at once.
 */
@ApplicationScoped
public class TokenCache {

  static final String PREFIX = "token:t:";
  static final long TTL_SECONDS = 600;

  @Inject
  @Redis(RedisRole.NONPERSIST)
  JedisPooled redis;

  public Optional<Caller> find(String tokenHash) {
    String value = redis.get(PREFIX + tokenHash);
    if (value == null) {
      return Optional.empty();
    }
    int colon = value.indexOf(':');
    return Optional.of(new Caller(value.substring(0, colon), value.substring(colon + 1)));
  }

  public void put(String tokenHash, Caller caller) {
    redis.setex(PREFIX + tokenHash, TTL_SECONDS, caller.userId() + ":" + caller.clientId());
  }

  public void evict(String tokenHash) {
    redis.del(PREFIX + tokenHash);
  }
}
