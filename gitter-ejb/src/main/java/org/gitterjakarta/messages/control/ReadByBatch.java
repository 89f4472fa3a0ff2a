package org.gitterjakarta.messages.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import org.bson.types.ObjectId;
import org.gitterjakarta.redis.control.Redis;
import org.gitterjakarta.redis.control.RedisRole;
import redis.clients.jedis.JedisPooled;

/**
 * First reads waiting to be written to their messages: one Redis list in the persist role, shared
 * by every instance, so a busy room costs one Mongo write per message and batch instead of one per
 * reader.
 */
@ApplicationScoped
public class ReadByBatch {

  static final String KEY = "rb:readBy";

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

  /** Takes up to {@code max} waiting reads off the list; each is handed out once. */
  public List<Read> take(int max) {
    List<String> entries = redis.lpop(KEY, max);
    return entries == null ? List.of() : entries.stream().map(Read::decode).toList();
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
