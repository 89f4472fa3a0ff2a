package org.gitterjakarta.redis.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script called by its SHA-1 ({@code EVALSHA}): its text crosses the wire and is hashed by
 * Redis once per Redis start, not on every call. When Redis does not know it (restarted, flushed),
 * one {@code EVAL} runs it and caches it again.
 */
public final class LuaScript {

  private final String source;
  private final String sha;

  public LuaScript(String source) {
    this.source = source;
    this.sha = sha1(source);
  }

  public Object eval(UnifiedJedis redis, List<String> keys, List<String> args) {
    try {
      return redis.evalsha(sha, keys, args);
    } catch (JedisNoScriptException e) {
      return redis.eval(source, keys, args);
    }
  }

  /**
   * Several calls in one round trip (on a Cluster: one per node), their replies in order. A call
   * Redis answered {@code NOSCRIPT} ran nothing, so it alone runs again with {@code EVAL}.
   */
  public List<Object> evalAll(UnifiedJedis redis, List<Call> calls) {
    if (calls.size() == 1) {
      return List.of(eval(redis, calls.get(0).keys(), calls.get(0).args()));
    }
    List<Response<Object>> replies = new ArrayList<>(calls.size());
    try (var pipeline = redis.pipelined()) {
      calls.forEach(call -> replies.add(pipeline.evalsha(sha, call.keys(), call.args())));
      pipeline.sync();
    }
    List<Object> results = new ArrayList<>(calls.size());
    for (int i = 0; i < calls.size(); i++) {
      try {
        results.add(replies.get(i).get());
      } catch (JedisNoScriptException e) {
        results.add(redis.eval(source, calls.get(i).keys(), calls.get(i).args()));
      }
    }
    return results;
  }

  /** One call's keys and arguments. */
  public record Call(List<String> keys, List<String> args) {}

  String sha() {
    return sha;
  }

  private static String sha1(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }
}
