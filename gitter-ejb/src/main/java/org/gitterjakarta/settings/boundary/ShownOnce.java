package org.gitterjakarta.settings.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.gitterjakarta.redis.control.Redis;
import org.gitterjakarta.redis.control.RedisRole;
import org.gitterjakarta.redis.control.WhenRedisIsAway;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * A secret to show its owner once, on the page a form redirects to (a new token, an app's client
 * secret): kept for five minutes in the nonpersist Redis under a random name that goes in the
 * address, and gone once read, so any web instance can show it and a reload cannot show it again.
 */
@ApplicationScoped
public class ShownOnce {

  static final String PREFIX = "once:";
  static final long TTL_SECONDS = 300;
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject
  @Redis(RedisRole.NONPERSIST)
  UnifiedJedis redis;

  /** Keeps the value for its owner; the name to read it by, or empty while Redis is away. */
  public Optional<String> keep(String userId, String value) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String name = HexFormat.of().formatHex(bytes);
    return WhenRedisIsAway.orElse(
        () -> {
          redis.set(key(userId, name), value, SetParams.setParams().ex(TTL_SECONDS));
          return Optional.of(name);
        },
        Optional::empty);
  }

  /** The value kept under this name for this person, removed as it is read. */
  public Optional<String> take(String userId, String name) {
    if (name == null || !name.matches("[0-9a-f]{32}")) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        WhenRedisIsAway.orElse(() -> redis.getDel(key(userId, name)), () -> null));
  }

  private static String key(String userId, String name) {
    return PREFIX + userId + ":" + name;
  }
}
