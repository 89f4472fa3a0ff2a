package org.gitterjakarta.unread.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gitterjakarta.redis.control.Redis;
import org.gitterjakarta.redis.control.RedisRole;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;

/**
 * Gitter's unread engine in the persist Redis: per user and room a sorted set of unread message ids
 * (by send time, trimmed to the newest 100) and a set of unread mentions; per user a badge (room →
 * unread count) and the rooms with mentions. Each change of one user's state is one atomic script,
 * so counts never drift under concurrent writers; a change for many people is one pipeline.
 */
@ApplicationScoped
public class UnreadStore {

  public static final int MAX_ITEMS = 100;

  /** Keeps the badge and mention-room index in step with the sets; returns both counts. */
  private static final String COUNTS =
      "local chat = redis.call('ZCARD', KEYS[1]) "
          + "if chat == 0 then redis.call('ZREM', KEYS[3], ARGV[#ARGV]) "
          + "else redis.call('ZADD', KEYS[3], chat, ARGV[#ARGV]) end "
          + "local mentions = redis.call('SCARD', KEYS[2]) "
          + "if mentions == 0 then redis.call('SREM', KEYS[4], ARGV[#ARGV]) end "
          + "return {chat, mentions}";

  /** KEYS: chat, mentions, badge, mention rooms. ARGV: id, score, mention?, chat?, max, roomId. */
  private static final String ADD =
      "if ARGV[4] == '1' then redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1]) "
          + "redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[5]) + 1)) end "
          + "if ARGV[3] == '1' then redis.call('SADD', KEYS[2], ARGV[1]) "
          + "redis.call('SADD', KEYS[4], ARGV[6]) end "
          + COUNTS;

  private static final String REMOVE =
      "for i = 1, #ARGV - 2 do "
          + "if ARGV[#ARGV - 1] == '1' then redis.call('ZREM', KEYS[1], ARGV[i]) end "
          + "redis.call('SREM', KEYS[2], ARGV[i]) end "
          + COUNTS;
  private static final String CLEAR =
      "redis.call('DEL', KEYS[1], KEYS[2]) redis.call('ZREM', KEYS[3], ARGV[1]) "
          + "redis.call('SREM', KEYS[4], ARGV[1]) return {0, 0}";

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

  /** One new message for many people, in one round trip; their counts afterwards. */
  public Map<String, Counts> add(String roomId, String messageId, long sent, List<Item> items) {
    return pipelined(
        items.stream()
            .map(
                item ->
                    new Call(
                        item.userId(),
                        ADD,
                        keys(item.userId(), roomId),
                        List.of(
                            messageId,
                            String.valueOf(sent),
                            flag(item.mention()),
                            flag(item.chat()),
                            String.valueOf(MAX_ITEMS),
                            roomId)))
            .toList());
  }

  /** Marks messages read (or gone) for one person; their counts afterwards. */
  public Counts remove(String userId, String roomId, Collection<String> messageIds) {
    return removeFor(List.of(userId), roomId, messageIds, true).get(userId);
  }

  /** Removes messages from many people's state (a deleted message), in one round trip. */
  public Map<String, Counts> removeFor(
      Collection<String> userIds, String roomId, Collection<String> messageIds, boolean chat) {
    if (messageIds.isEmpty()) {
      return Map.of();
    }
    List<String> args = new ArrayList<>(messageIds);
    args.add(flag(chat));
    args.add(roomId);
    return pipelined(
        userIds.stream()
            .map(userId -> new Call(userId, REMOVE, keys(userId, roomId), args))
            .toList());
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

  /** The rooms where the person has unread mentions (they may not be a member of them). */
  public Set<String> roomsWithMentions(String userId) {
    return redis.smembers(keys(userId, "").get(3));
  }

  private Map<String, Counts> pipelined(List<Call> calls) {
    var counts = new LinkedHashMap<String, Counts>();
    if (calls.isEmpty()) {
      return counts;
    }
    var replies = new LinkedHashMap<String, Response<Object>>();
    try (var pipeline = redis.pipelined()) {
      for (Call call : calls) {
        replies.put(call.userId(), pipeline.eval(call.script(), call.keys(), call.args()));
      }
      pipeline.sync();
    }
    replies.forEach((userId, reply) -> counts.put(userId, Counts.of(reply.get())));
    return counts;
  }

  private static String flag(boolean on) {
    return on ? "1" : "0";
  }

  private record Call(String userId, String script, List<String> keys, List<String> args) {}

  /** What one person gets for a new message: an unread item, a mention, or both. */
  public record Item(String userId, boolean chat, boolean mention) {}

  /** A person's unread and mention counts in one room after a change. */
  public record Counts(int unreadItems, int mentions) {
    static Counts of(Object reply) {
      List<?> pair = (List<?>) reply;
      return new Counts(((Number) pair.get(0)).intValue(), ((Number) pair.get(1)).intValue());
    }
  }

  /** Unread message ids (oldest first) and unread mention ids of one person in one room. */
  public record Unread(List<String> chat, List<String> mention) {}
}
