package org.gitterjakarta.unread.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.types.ObjectId;
import org.gitterjakarta.messages.control.UnreadMarks;
import org.gitterjakarta.redis.control.LuaScript;
import org.gitterjakarta.redis.control.Redis;
import org.gitterjakarta.redis.control.RedisRole;
import org.gitterjakarta.redis.control.SlotBatches;
import org.gitterjakarta.unread.entity.Unread;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Gitter's unread engine in the persist Redis: per user and room a sorted set of unread message ids
 * (by send time, trimmed to the newest 100) and a set of unread mentions; per user a badge (room →
 * unread count) and the rooms with mentions. Every change is an atomic script, so counts never
 * drift under concurrent writers; a change for a whole room is one script call per few hundred
 * people. A person's keys share the hash tag {@code {<userId>}}, so on a Redis Cluster they live in
 * one slot and a call is cut per slot ({@link SlotBatches}).
 *
 * <p>A message is published before its unread items are added, so a reader may mark it read (or it
 * may be deleted) first. Such ids, read while not unread and sent within {@link #SEEN_MILLIS}, are
 * remembered per person and room for as long (those of the {@link #SEEN_MAX} newest messages at
 * most), and the items of new messages skip them: otherwise a message already read would stay
 * unread. "Mark all as read" marks the room's latest messages so too ({@link #readAll}).
 */
@ApplicationScoped
public class UnreadStore implements UnreadMarks {

  public static final int MAX_ITEMS = 100;

  /** How long ids read before their unread items arrived are remembered, and how many. */
  public static final long SEEN_MILLIS = 600_000;

  /** Within Redis's compact encoding of a small sorted set (128 entries by default). */
  public static final int SEEN_MAX = 100;

  /** Ids per script call when many are read at once: a call blocks Redis while it runs. */
  static final int IDS_PER_CALL = 500;

  /**
   * After a change of one person's sets (KEYS[k+1..k+5]: chat, mentions, badge, mention rooms, ids
   * read before they were unread), keeps the badge and mention-room index in step with the sets and
   * appends both counts to out.
   */
  private static final String COUNTS =
      "local function counts(k, room, out) "
          + "local chat = redis.call('ZCARD', KEYS[k + 1]) "
          + "if chat == 0 then redis.call('ZREM', KEYS[k + 3], room) "
          + "else redis.call('ZADD', KEYS[k + 3], chat, room) end "
          + "local mentions = redis.call('SCARD', KEYS[k + 2]) "
          + "if mentions == 0 then redis.call('SREM', KEYS[k + 4], room) end "
          + "out[#out + 1] = chat out[#out + 1] = mentions end ";

  /**
   * New messages of one room for many people: KEYS are five per person (see {@link #keys}); ARGV:
   * max items, roomId, the number of messages n, whether the messages are new ("1": skip what the
   * person read already) or an edit's new mentions ("0"), n pairs of score and id, then per person
   * 2n flags, mention and chat for each message ("0110": an unread item of both, mentioned in
   * neither). One ZADD takes all of a person's messages, so a batch costs about five commands a
   * person however many messages it holds. Replies three numbers per person: both counts, and which
   * messages were skipped as read (bit i - 1 for message i; a batch has at most 32).
   */
  private static final LuaScript ADD =
      new LuaScript(
          "local max, room, n = tonumber(ARGV[1]), ARGV[2], tonumber(ARGV[3]) "
              + "local fresh = ARGV[4] == '1' "
              + "local out = {} "
              + "for p = 0, #KEYS / 5 - 1 do "
              + "local k, flags = p * 5, ARGV[5 + 2 * n + p] "
              + "local seen = fresh and redis.call('EXISTS', KEYS[k + 5]) == 1 "
              + "local chat, mentions, skipped = {}, {}, 0 "
              + "for i = 1, n do "
              + "local id = ARGV[4 + 2 * i] "
              + "if not (seen and redis.call('ZSCORE', KEYS[k + 5], id)) then "
              + "if string.byte(flags, 2 * i) == 49 then "
              + "chat[#chat + 1] = ARGV[3 + 2 * i] chat[#chat + 1] = id end "
              + "if string.byte(flags, 2 * i - 1) == 49 then "
              + "mentions[#mentions + 1] = id end "
              + "else skipped = skipped + 2 ^ (i - 1) end end "
              + "if #chat > 0 then redis.call('ZADD', KEYS[k + 1], unpack(chat)) end "
              + "local count = redis.call('ZCARD', KEYS[k + 1]) "
              + "if count > max then "
              + "redis.call('ZREMRANGEBYRANK', KEYS[k + 1], 0, -(max + 1)) count = max end "
              + "if count == 0 then redis.call('ZREM', KEYS[k + 3], room) "
              + "else redis.call('ZADD', KEYS[k + 3], count, room) end "
              + "if #mentions > 0 then redis.call('SADD', KEYS[k + 2], unpack(mentions)) "
              + "redis.call('SADD', KEYS[k + 4], room) end "
              + "out[#out + 1] = count out[#out + 1] = redis.call('SCARD', KEYS[k + 2]) "
              + "out[#out + 1] = skipped end "
              + "return out");

  /**
   * The score of an id remembered as read: its message's send time (the seconds an ObjectId starts
   * with), so that trimming the set to {@link #SEEN_MAX} keeps the newest messages, those most
   * likely still waiting for their unread items, whatever order they were read in.
   */
  private static final String SENT =
      "local function sent(id) return tonumber(string.sub(id, 1, 8), 16) or 0 end ";

  /** Adds {@code seen} (score, id, ...) to a set of ids read, trimmed and kept for {@code ttl}. */
  private static final String REMEMBER =
      "local function remember(key, seen, most, ttl) "
          + "redis.call('ZADD', key, unpack(seen)) "
          + "redis.call('ZREMRANGEBYRANK', key, 0, -(most + 1)) "
          + "redis.call('PEXPIRE', key, ttl) end ";

  /**
   * Messages read or gone for many people. ARGV: chat too? ("1"/"0"), roomId, the most ids to
   * remember, how long (millis), how many of the ids are recent (they come first), then the ids. A
   * recent chat id that was not unread is remembered as read, so that an unread item added for it
   * later is skipped.
   */
  private static final LuaScript REMOVE =
      new LuaScript(
          COUNTS
              + SENT
              + REMEMBER
              + "local chat, room = ARGV[1] == '1', ARGV[2] "
              + "local most, ttl, recent = tonumber(ARGV[3]), ARGV[4], 5 + tonumber(ARGV[5]) "
              + "local out = {} "
              + "for p = 0, #KEYS / 5 - 1 do "
              + "local k, seen = p * 5, {} "
              + "for i = 6, #ARGV do "
              + "if chat and redis.call('ZREM', KEYS[k + 1], ARGV[i]) == 0 and i <= recent then "
              + "seen[#seen + 1] = sent(ARGV[i]) seen[#seen + 1] = ARGV[i] end "
              + "redis.call('SREM', KEYS[k + 2], ARGV[i]) end "
              + "if #seen > 0 then remember(KEYS[k + 5], seen, most, ttl) end "
              + "counts(k, room, out) end "
              + "return out");

  private static final String FORGET_ROOM =
      "redis.call('DEL', KEYS[1], KEYS[2]) redis.call('ZREM', KEYS[3], ARGV[1]) "
          + "redis.call('SREM', KEYS[4], ARGV[1]) ";

  private static final LuaScript CLEAR = new LuaScript(FORGET_ROOM + "return {0, 0}");

  /**
   * "Mark all as read" for one person, atomically: KEYS are the person's five; ARGV: roomId, the
   * most ids to remember, how long (millis), then the room's latest ids. Every one of those ids is
   * remembered as read, unread or not (a batch run again after an outage must not bring one back),
   * then the room's items go. Replies the chat ids that were unread.
   */
  private static final LuaScript READ_ALL =
      new LuaScript(
          SENT
              + REMEMBER
              + "local most, ttl = tonumber(ARGV[2]), ARGV[3] "
              + "local cleared = redis.call('ZRANGE', KEYS[1], 0, -1) "
              + "if #ARGV > 3 then "
              + "local seen = {} "
              + "for i = 4, #ARGV do seen[#seen + 1] = sent(ARGV[i]) seen[#seen + 1] = ARGV[i] end "
              + "remember(KEYS[5], seen, most, ttl) end "
              + FORGET_ROOM
              + "return cleared");

  /** People per script call: a call blocks Redis while it runs, so a huge room is cut in parts. */
  static final int PEOPLE_PER_CALL = 500;

  @Inject
  @Redis(RedisRole.PERSIST)
  UnifiedJedis redis;

  /** One person's five keys; the hash tag keeps them in one Cluster slot. */
  static List<String> keys(String userId, String roomId) {
    String user = "{" + userId + "}";
    return List.of(
        "unread:chat:" + user + ":" + roomId,
        "m:" + user + ":" + roomId,
        "ub:" + user,
        "m:" + user,
        "unread:seen:" + user + ":" + roomId);
  }

  private static String slotKey(String userId) {
    return keys(userId, "").get(2);
  }

  /**
   * New messages of one room for many people, one script call per {@link #PEOPLE_PER_CALL} people
   * (and slot), all in one round trip: each person's counts after them, and the messages with the
   * items that were added. Ids a person read already are skipped: their items are not among them.
   */
  public Added addAll(String roomId, List<NewMessage> messages) {
    return add(roomId, messages, true);
  }

  /** As {@link #addAll}, for an edit's new mentions: they count even where the message was read. */
  public Map<String, Counts> addMentions(String roomId, List<NewMessage> messages) {
    return add(roomId, messages, false).counts();
  }

  private Added add(String roomId, List<NewMessage> messages, boolean fresh) {
    if (messages.size() > Integer.SIZE) {
      throw new IllegalArgumentException("at most 32 messages per batch: " + messages.size());
    }
    int n = messages.size();
    Map<String, char[]> flags = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      for (Item item : messages.get(i).items()) {
        char[] own = flags.computeIfAbsent(item.userId(), id -> "0".repeat(2 * n).toCharArray());
        own[2 * i] = item.mention() ? '1' : own[2 * i];
        own[2 * i + 1] = item.chat() ? '1' : own[2 * i + 1];
      }
    }
    List<String> head = new ArrayList<>(4 + 2 * n);
    head.addAll(List.of(String.valueOf(MAX_ITEMS), roomId, String.valueOf(n), flag(fresh)));
    for (NewMessage message : messages) {
      head.add(String.valueOf(message.sent()));
      head.add(message.messageId());
    }
    List<List<String>> parts = parts(List.copyOf(flags.keySet()), UnreadStore::slotKey);
    List<LuaScript.Call> calls = new ArrayList<>(parts.size());
    for (List<String> part : parts) {
      List<String> keys = new ArrayList<>(part.size() * 5);
      List<String> args = new ArrayList<>(head.size() + part.size());
      args.addAll(head);
      for (String userId : part) {
        keys.addAll(keys(userId, roomId));
        args.add(new String(flags.get(userId)));
      }
      calls.add(new LuaScript.Call(keys, args));
    }
    List<Object> replies = calls.isEmpty() ? List.of() : ADD.evalAll(redis, calls);
    var counts = new LinkedHashMap<String, Counts>();
    Map<String, Long> skipped = new HashMap<>();
    for (int part = 0; part < parts.size(); part++) {
      List<?> numbers = (List<?>) replies.get(part);
      List<String> people = parts.get(part);
      for (int p = 0; p < people.size(); p++) {
        counts.put(people.get(p), countsAt(numbers, 3 * p));
        long mask = ((Number) numbers.get(3 * p + 2)).longValue();
        if (mask != 0) {
          skipped.put(people.get(p), mask);
        }
      }
    }
    return new Added(counts, skipped.isEmpty() ? messages : withoutSkipped(messages, skipped));
  }

  /** The messages without the items of people who had read them ({@code userId → bit mask}). */
  private static List<NewMessage> withoutSkipped(
      List<NewMessage> messages, Map<String, Long> skipped) {
    List<NewMessage> added = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      long bit = 1L << i;
      NewMessage message = messages.get(i);
      List<Item> items =
          message.items().stream()
              .filter(item -> (skipped.getOrDefault(item.userId(), 0L) & bit) == 0)
              .toList();
      added.add(new NewMessage(message.messageId(), message.sent(), items));
    }
    return added;
  }

  /** Marks messages read (or gone) for one person; their counts afterwards. */
  public Counts remove(String userId, String roomId, Collection<String> messageIds) {
    return removeFor(List.of(userId), roomId, messageIds, true).get(userId);
  }

  /**
   * Removes messages from many people's state (a deleted message); their counts afterwards. Many
   * ids are cut into calls of {@link #IDS_PER_CALL}, all sent in one round trip.
   */
  public Map<String, Counts> removeFor(
      Collection<String> userIds, String roomId, Collection<String> messageIds, boolean chat) {
    if (messageIds.isEmpty() || userIds.isEmpty()) {
      return new LinkedHashMap<>();
    }
    List<List<String>> parts =
        parts(List.copyOf(new LinkedHashSet<>(userIds)), UnreadStore::slotKey);
    long now = System.currentTimeMillis();
    // only a message sent lately can still be waiting for its unread items: older ones, re-read
    // as a page comes into view or deleted long after, are not remembered
    List<String> recentFirst = new ArrayList<>(messageIds.size());
    messageIds.stream().filter(id -> recent(id, now)).forEach(recentFirst::add);
    int recent = recentFirst.size();
    messageIds.stream().filter(id -> !recent(id, now)).forEach(recentFirst::add);
    List<LuaScript.Call> calls = new ArrayList<>();
    for (int from = 0; from < recentFirst.size(); from += IDS_PER_CALL) {
      List<String> ids =
          recentFirst.subList(from, Math.min(from + IDS_PER_CALL, recentFirst.size()));
      List<String> args =
          new ArrayList<>(
              List.of(
                  flag(chat),
                  roomId,
                  String.valueOf(SEEN_MAX),
                  String.valueOf(SEEN_MILLIS),
                  String.valueOf(Math.max(0, Math.min(recent - from, ids.size())))));
      args.addAll(ids);
      for (List<String> part : parts) {
        List<String> keys = new ArrayList<>(part.size() * 5);
        part.forEach(userId -> keys.addAll(keys(userId, roomId)));
        calls.add(new LuaScript.Call(keys, args));
      }
    }
    // the last call of each part has the counts after all of them
    List<Object> replies = REMOVE.evalAll(redis, calls);
    var counts = new LinkedHashMap<String, Counts>();
    int last = calls.size() - parts.size();
    for (int part = 0; part < parts.size(); part++) {
      collect(parts.get(part), replies.get(last + part), counts);
    }
    return counts;
  }

  /** Whether a message of this id was sent within {@link #SEEN_MILLIS} (or seems to come later). */
  static boolean recent(String messageId, long now) {
    return ObjectId.isValid(messageId)
        && new ObjectId(messageId).getTimestamp() * 1000L > now - SEEN_MILLIS;
  }

  /** Forgets one person's unread items and mentions in a room (the room is gone). */
  public void clear(String userId, String roomId) {
    CLEAR.eval(redis, keys(userId, roomId), List.of(roomId));
  }

  /**
   * "Mark all as read", in one script: one person's unread items and mentions in a room are gone,
   * and the room's latest messages ({@code latestIds}, those stored when the person marked, newest
   * first; the first {@link #SEEN_MAX} are kept) count as read by id, so that the unread items of
   * those still waiting for them are skipped, now or when a batch is run again. A message sent but
   * not stored yet is not among them: it may not have been seen, and turns unread as usual.
   *
   * @return the chat ids that were unread
   */
  public List<String> readAll(String userId, String roomId, List<String> latestIds) {
    List<String> args = new ArrayList<>(3 + Math.min(latestIds.size(), SEEN_MAX));
    args.addAll(List.of(roomId, String.valueOf(SEEN_MAX), String.valueOf(SEEN_MILLIS)));
    args.addAll(latestIds.subList(0, Math.min(latestIds.size(), SEEN_MAX)));
    List<?> cleared = (List<?>) READ_ALL.eval(redis, keys(userId, roomId), args);
    return cleared.stream().map(UnreadStore::text).toList();
  }

  /** A string of a script's reply, which the client may give as bytes. */
  private static String text(Object reply) {
    return reply instanceof byte[] bytes
        ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
        : String.valueOf(reply);
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

  /**
   * What became unread after a time (a message's score is its send time): the chat ids, oldest
   * first, and those of them that mention the person. For the mail digest, which reports only what
   * it has not reported before.
   */
  public Unread since(String userId, String roomId, long after) {
    List<String> keys = keys(userId, roomId);
    try (var pipeline = redis.pipelined()) {
      Response<List<String>> chat = pipeline.zrangeByScore(keys.get(0), "(" + after, "+inf");
      Response<Set<String>> mentions = pipeline.smembers(keys.get(1));
      pipeline.sync();
      List<String> fresh = chat.get();
      return new Unread(fresh, fresh.stream().filter(mentions.get()::contains).toList());
    }
  }

  /** Unread and mention counts of many rooms for one person, in one pipelined round trip. */
  public Map<String, Counts> counts(String userId, Collection<String> roomIds) {
    Map<String, Response<Long>> chat = new HashMap<>();
    Map<String, Response<Long>> mentions = new HashMap<>();
    try (var pipeline = redis.pipelined()) {
      for (String roomId : roomIds) {
        List<String> keys = keys(userId, roomId);
        chat.put(roomId, pipeline.zcard(keys.get(0)));
        mentions.put(roomId, pipeline.scard(keys.get(1)));
      }
      pipeline.sync();
    }
    Map<String, Counts> counts = new HashMap<>();
    chat.forEach(
        (roomId, unread) ->
            counts.put(
                roomId,
                new Counts(unread.get().intValue(), mentions.get(roomId).get().intValue())));
    return counts;
  }

  @Override
  public Set<String> unreadIn(String userId, String roomId) {
    return new java.util.HashSet<>(of(userId, roomId).chat());
  }

  /** The rooms where the person has unread mentions (they may not be a member of them). */
  public Set<String> roomsWithMentions(String userId) {
    return redis.smembers(keys(userId, "").get(3));
  }

  private <T> List<List<T>> parts(List<T> all, java.util.function.Function<T, String> keyOf) {
    return SlotBatches.of(redis, all, keyOf, PEOPLE_PER_CALL);
  }

  /** The script's flat reply (chat, mentions, chat, mentions...) paired with the people. */
  private static void collect(List<String> userIds, Object reply, Map<String, Counts> counts) {
    List<?> numbers = (List<?>) reply;
    for (int i = 0; i < userIds.size(); i++) {
      counts.put(userIds.get(i), countsAt(numbers, 2 * i));
    }
  }

  /** The two counts (chat, mentions) at {@code at} of a script's flat reply. */
  private static Counts countsAt(List<?> numbers, int at) {
    return new Counts(
        ((Number) numbers.get(at)).intValue(), ((Number) numbers.get(at + 1)).intValue());
  }

  private static String flag(boolean on) {
    return on ? "1" : "0";
  }

  /** What one person gets for a new message: an unread item, a mention, or both. */
  public record Item(String userId, boolean chat, boolean mention) {}

  /** A person's unread and mention counts in one room after a change. */
  public record Counts(int unreadItems, int mentions) {}

  /**
   * New messages as stored: each person's counts after them, and the messages with only the items
   * that were added (not those of people who had read a message already).
   */
  public record Added(Map<String, Counts> counts, List<NewMessage> messages) {}

  /** A new message and who gets what for it. */
  public record NewMessage(String messageId, long sent, List<Item> items) {}
}
