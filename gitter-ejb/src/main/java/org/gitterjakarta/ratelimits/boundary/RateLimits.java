package org.gitterjakarta.ratelimits.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gitterjakarta.metrics.control.ProductMetrics;
import org.gitterjakarta.ratelimits.control.LocalWindows;
import org.gitterjakarta.redis.control.LuaScript;
import org.gitterjakarta.redis.control.Redis;
import org.gitterjakarta.redis.control.RedisRole;
import org.gitterjakarta.redis.control.WhenRedisIsAway;
import redis.clients.jedis.UnifiedJedis;

/**
 * Gitter's API rate limit (dolph): a fixed window per key that opens with its first request, kept
 * in the persist Redis so that every API instance counts together. One atomic script call per
 * request: count, and start the window's clock on the first one. While Redis is away each instance
 * counts on its own ({@link LocalWindows}), so limits hold, per instance, through an outage.
 */
@ApplicationScoped
public class RateLimits {

  static final String PREFIX = "rate:";
  private static final LuaScript HIT =
      new LuaScript(
          "local c = redis.call('INCR', KEYS[1]) "
              + "if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
              + "local ttl = redis.call('PTTL', KEYS[1]) "
              + "if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end "
              + "return {c, ttl}");

  @Inject
  @Redis(RedisRole.PERSIST)
  UnifiedJedis redis;

  @Inject ProductMetrics metrics;

  @Inject
  @ConfigProperty(name = "gitter.api.rate-limit.requests")
  int limit;

  @Inject
  @ConfigProperty(name = "gitter.api.rate-limit.window-ms")
  long windowMillis;

  @Inject
  @ConfigProperty(name = "gitter.api.rate-limit.unauthenticated-requests")
  int unauthenticatedLimit;

  /** Counts one API call from {@code address} that had no working token. */
  public Allowance hitUnauthenticated(String address) {
    return refusalCounted(hit("unauthenticated:" + address, unauthenticatedLimit, windowMillis));
  }

  /** Counts one API request of {@code key}; says how many are left and when the window resets. */
  public Allowance hit(String key) {
    return refusalCounted(hit(key, limit, windowMillis));
  }

  /** An API request over its limit is answered 429: one rate-limited request for operators. */
  private Allowance refusalCounted(Allowance allowance) {
    if (!allowance.allowed()) {
      metrics.rateLimited();
    }
    return allowance;
  }

  /** Counts one event of {@code key} against its own limit and window (sign-in failures, ...). */
  public Allowance hit(String key, int max, long window) {
    long[] counted =
        WhenRedisIsAway.orElse(
            () -> {
              @SuppressWarnings("unchecked")
              List<Long> result =
                  (List<Long>)
                      HIT.eval(redis, List.of(PREFIX + key), List.of(String.valueOf(window)));
              return new long[] {result.get(0), System.currentTimeMillis() + result.get(1)};
            },
            () -> local.hit(key, window, System.currentTimeMillis()));
    long count = counted[0];
    return new Allowance(max, Math.max(0, max - count), counted[1], count <= max);
  }

  /** How many events {@code key} has in its current window, without counting one. */
  public long peek(String key) {
    return WhenRedisIsAway.orElse(
        () -> {
          String count = redis.get(PREFIX + key);
          return count == null ? 0L : Long.parseLong(count);
        },
        () -> local.peek(key, System.currentTimeMillis()));
  }

  /** Drops the window of {@code key}: requests an instance made of itself leave nothing counted. */
  public void forget(String key) {
    local.forget(key);
    WhenRedisIsAway.orElse(() -> redis.del(PREFIX + key), () -> null);
  }

  private final LocalWindows local = new LocalWindows();

  /** The state of one key's window after a request. */
  public record Allowance(int limit, long remaining, long resetAtMillis, boolean allowed) {}
}
