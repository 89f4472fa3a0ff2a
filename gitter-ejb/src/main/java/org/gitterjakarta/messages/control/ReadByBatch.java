package org.gitterjakarta.messages.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.gitterjakarta.redis.control.LuaScript;
import org.gitterjakarta.redis.control.Redis;
import org.gitterjakarta.redis.control.RedisRole;
import redis.clients.jedis.UnifiedJedis;

/**
 * First reads waiting to be written to their messages: one Redis list in the persist role, shared
 * by every instance, so a busy room costs one Mongo write per message and batch instead of one per
 * reader. A batch taken by an instance moves, in one step, to that instance's processing list and
 * leaves it only once written ({@link #done}): a batch whose write failed is taken again, before
 * newer reads, by the next flush. A batch held by an instance that stopped goes back to the head of
 * the shared list once that instance has not taken anything for {@link #ABANDONED_AFTER}. Writing a
 * read twice changes nothing, so at least once is enough.
 */
@ApplicationScoped
public class ReadByBatch {

  /** Far longer than the write of one batch: a live holder takes again every second. */
  static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

  /**
   * KEYS: the shared list, this holder's processing list, the holders (a sorted set of holder ids
   * by the Redis time of their last take). ARGV: the batch size, this holder's id, the abandonment
   * age in ms, the prefix of processing lists. The lists of abandoned holders are named from the
   * holders set, so they cannot be declared keys; all the keys share one hash tag, so on a Redis
   * Cluster they are in the declared keys' slot and the script stays atomic.
   */
  private static final LuaScript TAKE =
      new LuaScript(
          "local t = redis.call('TIME') "
              + "local now = t[1] * 1000 + math.floor(t[2] / 1000) "
              + "local gone = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now - tonumber(ARGV[3])) "
              + "for _, holder in ipairs(gone) do "
              + "  local left = ARGV[4] .. holder "
              + "  local items = redis.call('LRANGE', left, 0, -1) "
              + "  for i = #items, 1, -1 do redis.call('LPUSH', KEYS[1], items[i]) end "
              + "  redis.call('DEL', left) "
              + "  redis.call('ZREM', KEYS[3], holder) "
              + "end "
              + "local items = redis.call('LRANGE', KEYS[2], 0, -1) "
              + "if #items == 0 then "
              + "  items = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1) "
              + "  if #items > 0 then "
              + "    redis.call('LTRIM', KEYS[1], #items, -1) "
              + "    redis.call('RPUSH', KEYS[2], unpack(items)) "
              + "  end "
              + "end "
              + "if #items > 0 then redis.call('ZADD', KEYS[3], now, ARGV[2]) end "
              + "return items");

  private final String holder = UUID.randomUUID().toString();
  private final String shared;
  private final String processingPrefix;
  private final String holders;
  private final Duration abandonedAfter;

  @Inject
  @Redis(RedisRole.PERSIST)
  UnifiedJedis redis;

  public ReadByBatch() {
    this(null, "rb", ABANDONED_AFTER);
  }

  /**
   * Tests: their own keys, and a shorter patience with silent holders. The namespace is the keys'
   * hash tag ({@code {rb}:readBy}).
   */
  ReadByBatch(UnifiedJedis redis, String namespace, Duration abandonedAfter) {
    this.redis = redis;
    String tag = "{" + namespace + "}:";
    this.shared = tag + "readBy";
    this.processingPrefix = tag + "processing:";
    this.holders = tag + "holders";
    this.abandonedAfter = abandonedAfter;
  }

  public void record(String roomId, String userId, Collection<String> messageIds) {
    String[] entries =
        messageIds.stream()
            .filter(ObjectId::isValid)
            .map(id -> new Read(roomId, id, userId).encoded())
            .toArray(String[]::new);
    if (entries.length > 0) {
      redis.rpush(shared, entries);
    }
  }

  /**
   * Up to {@code max} reads to write: the batch this instance took before and did not finish, else
   * the next ones off the shared list (each handed to one instance).
   */
  @SuppressWarnings("unchecked")
  public List<Read> take(int max) {
    List<String> entries =
        (List<String>)
            TAKE.eval(
                redis,
                takeKeys(),
                List.of(
                    String.valueOf(max),
                    holder,
                    String.valueOf(abandonedAfter.toMillis()),
                    processingPrefix));
    return entries.stream().map(Read::decode).toList();
  }

  List<String> takeKeys() {
    return List.of(shared, processingPrefix + holder, holders);
  }

  /** The batch last taken is written. */
  public void done() {
    redis.del(processingPrefix + holder);
    redis.zrem(holders, holder);
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
