package org.gitterjakarta.messages.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.gitterjakarta.redis.control.LuaScript;
import org.gitterjakarta.redis.control.Redis;
import org.gitterjakarta.redis.control.RedisRole;
import redis.clients.jedis.JedisPooled;

/**
 * First reads waiting to be written to their messages: one Redis list in the persist role, shared
 * by every instance, so a busy room costs one Mongo write per message and batch instead of one per
 * reader. A batch taken by an instance moves, in one step, to that instance's processing list and
 * leaves it only once written ({@link #done}): a batch whose write failed is taken again first.
 */
@ApplicationScoped
public class ReadByBatch {

  static final String KEY = "rb:readBy";
  static final String PROCESSING_PREFIX = "rb:processing:";

  private static final LuaScript TAKE =
      new LuaScript(
          "local items = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1) "
              + "if #items > 0 then "
              + "redis.call('LTRIM', KEYS[1], #items, -1) "
              + "redis.call('RPUSH', KEYS[2], unpack(items)) end "
              + "return items");

  private final String processing = PROCESSING_PREFIX + UUID.randomUUID();

  @Inject
  @Redis(RedisRole.PERSIST)
  JedisPooled redis;

  public void record(String roomId, String userId, Collection<String> messageIds) {
    String[] entries =
        messageIds.stream()
            .filter(ObjectId::isValid)
            .map(id -> new Read(roomId, id, userId).encoded())
            .toArray(String[]::new);
    if (entries.length > 0) {
      redis.rpush(KEY, entries);
    }
  }

  /**
   * Up to {@code max} reads to write: the batch this instance took before and did not finish, else
   * the next ones off the shared list (each handed to one instance).
   */
  @SuppressWarnings("unchecked")
  public List<Read> take(int max) {
    List<String> entries = redis.lrange(processing, 0, -1);
    if (entries.isEmpty()) {
      entries = (List<String>) TAKE.eval(redis, List.of(KEY, processing), List.of("" + max));
    }
    return entries.stream().map(Read::decode).toList();
  }

  /** The batch last taken is written. */
  public void done() {
    redis.del(processing);
  }

  /** One person's first read of one message. */
  public record Read(String roomId, String messageId, String userId) {

    String encoded() {
      return roomId + ":" + messageId + ":" + userId;
    }

    static Read decode(String entry) {
      String[] parts = entry.split(":", 3);
      return new Read(parts[0], parts[1], parts[2]);
    }
  }
}
