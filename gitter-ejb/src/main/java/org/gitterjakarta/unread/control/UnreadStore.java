package org.gitterjakarta.unread.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.gitterjakarta.redis.control.Redis;
import org.gitterjakarta.redis.control.RedisRole;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;

/**
 * Gitter's unread engine in the persist Redis: per user and room a sorted set of unread message ids
 * (by send time, trimmed to the newest 100) and a set of unread mentions; per user a badge (room →
 * unread count) and the rooms with mentions. Each change of one user's state is one atomic script,
 * so counts never drift under concurrent writers.
 */
@ApplicationScoped
public class UnreadStore {

  public static final int MAX_ITEMS = 100;

  private static final String ADD =
      "redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1]) "
          + "redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[4]) + 1)) "
          + "if ARGV[3] == '1' then redis.call('SADD', KEYS[2], ARGV[1]) "
          + "redis.call('SADD', KEYS[4], ARGV[5]) end "
          + "redis.call('ZADD', KEYS[3], redis.call('ZCARD', KEYS[1]), ARGV[5]) "
          + "return 1";
  private static final String REMOVE =
      "for i = 1, #ARGV - 1 do redis.call('ZREM', KEYS[1], ARGV[i]) "
          + "redis.call('SREM', KEYS[2], ARGV[i]) end "
          + "local left = redis.call('ZCARD', KEYS[1]) "
          + "if left == 0 then redis.call('ZREM', KEYS[3], ARGV[#ARGV]) "
          + "else redis.call('ZADD', KEYS[3], left, ARGV[#ARGV]) end "
          + "if redis.call('SCARD', KEYS[2]) == 0 then redis.call('SREM', KEYS[4], ARGV[#ARGV]) end "
          + "return left";
  private static final String CLEAR =
      "redis.call('DEL', KEYS[1], KEYS[2]) redis.call('ZREM', KEYS[3], ARGV[1]) "
          + "redis.call('SREM', KEYS[4], ARGV[1]) return 1";

  @Inject
  @Redis(RedisRole.PERSIST)
  JedisPooled redis;

  static List<String> keys(String userId, String roomId) {
    return List.of(
        "unread:chat:" + userId + ":" + roomId,
        "m:" + userId + ":" + roomId,
        "ub:" + userId,
        "m:" + userId);
  }

  /** A new message for one person; {@code mention} also counts it as a mention. */
  public void add(String userId, String roomId, String messageId, long sent, boolean mention) {
    redis.eval(
        ADD,
        keys(userId, roomId),
        List.of(
            messageId,
            String.valueOf(sent),
            mention ? "1" : "0",
            String.valueOf(MAX_ITEMS),
            roomId));
  }

  /** Marks messages read (or gone) for one person. */
  public void remove(String userId, String roomId, Collection<String> messageIds) {
    if (messageIds.isEmpty()) {
      return;
    }
    List<String> args = new ArrayList<>(messageIds);
    args.add(roomId);
    redis.eval(REMOVE, keys(userId, roomId), args);
  }

  public void clear(String userId, String roomId) {
    redis.eval(CLEAR, keys(userId, roomId), List.of(roomId));
  }

  public Unread of(String userId, String roomId) {
    List<String> keys = keys(userId, roomId);
    try (var pipeline = redis.pipelined()) {
      Response<List<String>> chat = pipeline.zrange(keys.get(0), 0, -1);
      Response<Set<String>> mentions = pipeline.smembers(keys.get(1));
      pipeline.sync();
      return new Unread(chat.get(), List.copyOf(mentions.get()));
    }
  }

  /** Unread message ids (oldest first) and unread mention ids of one person in one room. */
  public record Unread(List<String> chat, List<String> mention) {}
}
