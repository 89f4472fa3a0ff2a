package org.gitterjakarta.problems;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Tells a backing store that is unreachable from a bug: the former is worth a {@code 503} and a
 * retry, the latter a {@code 500}. A Redis error reply ({@link JedisDataException}) is a refused
 * command, not an outage, unless it says Redis is not serving yet.
 */
public final class Outages {

  private Outages() {}

  public static boolean isRedisOutage(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (cause instanceof JedisException && !(cause instanceof JedisDataException)) {
        return true;
      }
      if (cause instanceof JedisDataException reply && isNotServingYet(reply)) {
        return true;
      }
    }
    return false;
  }

  /** Redis or MongoDB cannot be reached (MongoDB: no server selected in time, socket errors). */
  public static boolean isOutage(Throwable failure) {
    if (isRedisOutage(failure)) {
      return true;
    }
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      if (cause instanceof MongoTimeoutException || cause instanceof MongoSocketException) {
        return true;
      }
    }
    return false;
  }

  /**
   * A Redis that just restarted answers {@code LOADING} while it reads its data back (and a replica
   * {@code MASTERDOWN} or {@code TRYAGAIN}): it is there but not serving yet, an outage to wait
   * out. So is a master that Sentinel just turned into a replica ({@code READONLY}, until the
   * client hears of the new master) and a Cluster that lost a master ({@code CLUSTERDOWN}).
   */
  private static boolean isNotServingYet(JedisDataException reply) {
    String message = reply.getMessage() == null ? "" : reply.getMessage();
    return message.startsWith("LOADING")
        || message.startsWith("MASTERDOWN")
        || message.startsWith("TRYAGAIN")
        || message.startsWith("READONLY")
        || message.startsWith("CLUSTERDOWN");
  }

  private static Throwable next(Throwable cause) {
    return cause.getCause() == cause ? null : cause.getCause();
  }
}
