package org.gitterjakarta.redis.control;

import java.util.function.Supplier;
import org.gitterjakarta.problems.Outages;

/**
 * A Redis call with what to do instead while Redis is unreachable: a cache missed, a count kept
 * locally. Only an outage falls back; a command Redis refused is still the failure it is.
 */
public final class WhenRedisIsAway {

  private WhenRedisIsAway() {}

  public static <T> T orElse(Supplier<T> redisCall, Supplier<T> instead) {
    try {
      return redisCall.get();
    } catch (RuntimeException e) {
      if (!Outages.isRedisOutage(e)) {
        throw e;
      }
      return instead.get();
    }
  }
}
