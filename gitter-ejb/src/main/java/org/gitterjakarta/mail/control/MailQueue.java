package org.gitterjakarta.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gitterjakarta.redis.control.LuaScript;
import org.gitterjakarta.redis.control.Redis;
import org.gitterjakarta.redis.control.RedisRole;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.ZAddParams;

/**
 * The unread mail's state in Redis. {@code mail:due} holds who is due for a digest and when (the
 * earliest wins, so a mention brings a plain unread forward); {@code mail:u:{id}} holds when their
 * last digest went out and which digest is being sent; {@code mail:lock:{id}} makes one instance
 * the sender of a person's digest at a time.
 */
@ApplicationScoped
public class MailQueue {

  static final String DUE = "mail:due";

  private static String state(String userId) {
    return "mail:u:{" + userId + "}";
  }

  private static String lock(String userId) {
    return "mail:lock:{" + userId + "}";
  }

  private static final LuaScript DONE =
      new LuaScript(
          "local due = redis.call('ZSCORE', KEYS[1], ARGV[1])"
              + " if due and tonumber(due) <= tonumber(ARGV[2]) then"
              + " return redis.call('ZREM', KEYS[1], ARGV[1]) end return 0");

  private static final LuaScript RELEASE =
      new LuaScript(
          "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end"
              + " return 0");

  @Inject
  @Redis(RedisRole.PERSIST)
  UnifiedJedis redis;

  @Inject
  @Redis(RedisRole.NONPERSIST)
  UnifiedJedis locks;

  /** People are due at {@code at} unless already due earlier. */
  public void due(Collection<String> userIds, long at) {
    if (userIds.isEmpty()) {
      return;
    }
    Map<String, Double> scores = new HashMap<>();
    userIds.forEach(id -> scores.put(id, (double) at));
    redis.zadd(DUE, scores, ZAddParams.zAddParams().lt());
  }

  /** Moves a person's due time, earlier or later (a digest that must wait, a retry). */
  public void postpone(String userId, long at) {
    redis.zadd(DUE, at, userId, ZAddParams.zAddParams().xx());
  }

  public List<String> dueBy(long now, int limit) {
    return redis.zrangeByScore(DUE, 0, now, 0, limit);
  }

  public Optional<Long> dueAt(String userId) {
    return Optional.ofNullable(redis.zscore(DUE, userId)).map(Double::longValue);
  }

  /**
   * Nothing more to send to a person until something new becomes unread for them, unless their due
   * time moved since it was read ({@code readDueAt}): what moved it (a mention marked meanwhile)
   * keeps them due. Compare and delete in one step.
   */
  public void done(String userId, long readDueAt) {
    DONE.eval(redis, List.of(DUE), List.of(userId, Long.toString(readDueAt)));
  }

  public boolean lock(String userId, String owner, Duration ttl) {
    return "OK"
        .equals(locks.set(lock(userId), owner, SetParams.setParams().nx().px(ttl.toMillis())));
  }

  public void unlock(String userId, String owner) {
    RELEASE.eval(locks, List.of(lock(userId)), List.of(owner));
  }

  /** When the person's last digest went out (0: never). */
  public long lastSent(String userId) {
    String sent = redis.hget(state(userId), "sent");
    return sent == null ? 0 : Long.parseLong(sent);
  }

  /** The digest being sent, written before the SMTP conversation starts. */
  public Optional<String> inFlight(String userId) {
    return Optional.ofNullable(redis.hget(state(userId), "inflight"));
  }

  public void sending(String userId, String digestId) {
    redis.hset(state(userId), "inflight", digestId);
  }

  /** The server did not take the digest: it may be sent again. */
  public void notSent(String userId) {
    redis.hdel(state(userId), "inflight");
  }

  /** The digest went out: what it covered up to, and nothing in flight any more. */
  public void sent(String userId, long coveredUpTo) {
    redis.hset(state(userId), Map.of("sent", String.valueOf(coveredUpTo)));
    redis.hdel(state(userId), "inflight");
  }

  /**
   * Counts one mail of a kind (invite, verification) a person made the server send today; false
   * once past the daily limit, so nobody can use the server to mail strangers at will.
   */
  public boolean allowedToday(String kind, String userId, int perDay) {
    String key = "mail:" + kind + ":{" + userId + "}:" + (System.currentTimeMillis() / 86_400_000L);
    long count = redis.incr(key);
    if (count == 1) {
      redis.expire(key, 2 * 86_400L);
    }
    return count <= perDay;
  }
}
