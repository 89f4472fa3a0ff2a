package org.gitterjakarta.presence.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gitterjakarta.redis.control.LuaScript;
import org.gitterjakarta.redis.control.Redis;
import org.gitterjakarta.redis.control.RedisRole;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Cluster-wide presence in the nonpersist Redis. A socket is a hash {@code {pr}:sk:<id>} (user,
 * room, eyeballs, mobile, instance); a person is online while a non-mobile socket of theirs exists
 * ({@code {pr}:us:<user>}, {@code {pr}:online}); a person is in a room while some socket of theirs
 * looks at it ({@code {pr}:ri:<room>} counts them). Every change is one script that returns the
 * transitions it caused, so two instances never both announce, or both miss, a change. All keys
 * share the hash tag {@code {pr}}: on a Redis Cluster presence lives in one slot, which keeps every
 * script atomic; the room and person a script finds in a socket's hash are keys of that slot too.
 */
@ApplicationScoped
public class PresenceStore {

  /** Leaves the socket's room: ARGV socket. Emits "out room" when the last eyeball leaves. */
  private static final String LEAVE_ROOM =
      "local function leave(sk, out) "
          + "local user = redis.call('HGET', sk, 'user') "
          + "local room = redis.call('HGET', sk, 'room') "
          + "if user and room and redis.call('HGET', sk, 'eyeballs') == '1' then "
          + "local left = redis.call('HINCRBY', ARGV[#ARGV] .. 'ri:' .. room, user, -1) "
          + "if left <= 0 then redis.call('HDEL', ARGV[#ARGV] .. 'ri:' .. room, user) "
          + "table.insert(out, 'out') table.insert(out, room) end end "
          + "redis.call('HSET', sk, 'eyeballs', '0') end ";

  private static final String ENTER_ROOM =
      "local function enter(sk, room, out) "
          + "local user = redis.call('HGET', sk, 'user') "
          + "redis.call('HSET', sk, 'room', room, 'eyeballs', '1') "
          + "if redis.call('HINCRBY', ARGV[#ARGV] .. 'ri:' .. room, user, 1) == 1 then "
          + "table.insert(out, 'in') table.insert(out, room) end end ";

  /** KEYS: socket, instance's sockets, instances, person's sockets, online people. */
  private static final LuaScript CONNECT =
      new LuaScript(
          "redis.call('HSET', KEYS[1], 'user', ARGV[1], 'mobile', ARGV[2], 'instance', ARGV[3]) "
              + "redis.call('SADD', KEYS[2], ARGV[4]) "
              + "redis.call('SADD', KEYS[3], ARGV[3]) "
              + "if ARGV[2] == '0' then redis.call('SADD', KEYS[4], ARGV[4]) "
              + "redis.call('SADD', KEYS[5], ARGV[1]) end return {}");

  private static final LuaScript ASSOCIATE =
      new LuaScript(
          LEAVE_ROOM
              + ENTER_ROOM
              + "if redis.call('EXISTS', KEYS[1]) == 0 then return {'unknown'} end "
              + "local out = {} leave(KEYS[1], out) "
              + "if ARGV[1] ~= '' then redis.call('HSET', KEYS[1], 'room', ARGV[1]) end "
              + "local room = redis.call('HGET', KEYS[1], 'room') "
              + "if ARGV[2] == '1' and room then enter(KEYS[1], room, out) end "
              + "return out");
  private static final LuaScript DISCONNECT =
      new LuaScript(
          LEAVE_ROOM
              + "if redis.call('EXISTS', KEYS[1]) == 0 then return {} end "
              + "local out = {} leave(KEYS[1], out) "
              + "local user = redis.call('HGET', KEYS[1], 'user') "
              + "local instance = redis.call('HGET', KEYS[1], 'instance') "
              + "redis.call('SREM', ARGV[2] .. 'inst:' .. instance, ARGV[1]) "
              + "if redis.call('SREM', ARGV[2] .. 'us:' .. user, ARGV[1]) == 1 "
              + "and redis.call('SCARD', ARGV[2] .. 'us:' .. user) == 0 then "
              + "redis.call('SREM', KEYS[2], user) table.insert(out, 'offline') "
              + "table.insert(out, user) end "
              + "redis.call('DEL', KEYS[1]) return out");

  @Inject
  @Redis(RedisRole.NONPERSIST)
  UnifiedJedis redis;

  /** The hash tag and prefix of every presence key; scripts get it as their last ARGV. */
  static final String PREFIX = "{pr}:";

  static final String ONLINE = PREFIX + "online";
  static final String INSTANCES = PREFIX + "instances";

  static String socketKey(String socketId) {
    return PREFIX + "sk:" + socketId;
  }

  public void connect(String socketId, String userId, boolean mobile, String instance) {
    CONNECT.eval(
        redis,
        connectKeys(socketId, userId, instance),
        List.of(userId, mobile ? "1" : "0", instance, socketId));
  }

  static List<String> connectKeys(String socketId, String userId, String instance) {
    return List.of(
        socketKey(socketId),
        PREFIX + "inst:" + instance,
        INSTANCES,
        PREFIX + "us:" + userId,
        ONLINE);
  }

  /**
   * Points the socket at a room (null keeps its room) with eyeballs on or off.
   *
   * @return the transitions, or null when the socket is unknown
   */
  public List<Transition> associate(String socketId, String roomId, boolean eyeballs) {
    List<String> out =
        strings(
            ASSOCIATE.eval(
                redis,
                List.of(socketKey(socketId)),
                List.of(roomId == null ? "" : roomId, eyeballs ? "1" : "0", PREFIX)));
    return out.equals(List.of("unknown")) ? null : transitions(out);
  }

  public List<Transition> disconnect(String socketId) {
    return transitions(
        strings(
            DISCONNECT.eval(
                redis, List.of(socketKey(socketId), ONLINE), List.of(socketId, PREFIX))));
  }

  public String ownerOf(String socketId) {
    return redis.hget(socketKey(socketId), "user");
  }

  /** Which of these people are online, in one round trip. */
  public Set<String> online(Collection<String> userIds) {
    var online = new java.util.HashSet<String>();
    try (var pipeline = redis.pipelined()) {
      Map<String, Response<Boolean>> replies = new java.util.HashMap<>();
      for (String userId : userIds) {
        replies.put(userId, pipeline.sismember(ONLINE, userId));
      }
      pipeline.sync();
      replies.forEach(
          (userId, reply) -> {
            if (Boolean.TRUE.equals(reply.get())) {
              online.add(userId);
            }
          });
    }
    return online;
  }

  public Set<String> inRoom(String roomId) {
    return redis.hkeys(PREFIX + "ri:" + roomId);
  }

  /** Marks a realtime instance alive for {@code seconds}. */
  public void heartbeat(String instance, int seconds) {
    redis.setex(PREFIX + "alive:" + instance, seconds, "1");
    redis.sadd(INSTANCES, instance);
  }

  /** Instances that stopped beating, with the sockets they left behind. */
  public Map<String, Set<String>> deadInstances() {
    var dead = new java.util.HashMap<String, Set<String>>();
    for (String instance : redis.smembers(INSTANCES)) {
      if (!redis.exists(PREFIX + "alive:" + instance)) {
        dead.put(instance, redis.smembers(PREFIX + "inst:" + instance));
      }
    }
    return dead;
  }

  public void forgetInstance(String instance) {
    redis.srem(INSTANCES, instance);
    redis.del(PREFIX + "inst:" + instance);
  }

  private static List<String> strings(Object reply) {
    var list = new ArrayList<String>();
    for (Object item : (List<?>) reply) {
      list.add(String.valueOf(item));
    }
    return list;
  }

  private static List<Transition> transitions(List<String> flat) {
    var list = new ArrayList<Transition>();
    for (int i = 0; i + 1 < flat.size(); i += 2) {
      list.add(new Transition(flat.get(i), flat.get(i + 1)));
    }
    return list;
  }

  /** {@code in}/{@code out} of a room (subject: the room), or {@code offline} (the person). */
  public record Transition(String kind, String subject) {}
}
