package org.gitterjakarta.st;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/** The live events the instance publishes on Redis ({@code gitter:live}), as a test reads them. */
final class LiveFeed implements AutoCloseable {

  private final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
  private final JedisPubSub pubsub =
      new JedisPubSub() {
        @Override
        public void onMessage(String channel, String message) {
          events.add(Json.createReader(new StringReader(message)).readObject());
        }
      };
  private final Thread subscriber;

  LiveFeed() {
    URI uri = URI.create(System.getProperty("test.redis.uri"));
    subscriber =
        new Thread(
            () -> {
              try (var jedis = new Jedis(uri.getHost(), uri.getPort())) {
                jedis.subscribe(pubsub, "gitter:live");
              }
            });
    subscriber.start();
    long deadline = System.currentTimeMillis() + 5000;
    while (!pubsub.isSubscribed() && System.currentTimeMillis() < deadline) {
      Thread.onSpinWait();
    }
  }

  void clear() {
    events.clear();
  }

  /** The first event (channel and data) on {@code channel} that matches, waiting up to 5 s. */
  JsonObject await(String channel, Predicate<JsonObject> data) {
    long deadline = System.currentTimeMillis() + 5000;
    List<String> seen = new ArrayList<>();
    try {
      while (System.currentTimeMillis() < deadline) {
        JsonObject event = events.poll(100, TimeUnit.MILLISECONDS);
        if (event == null) {
          continue;
        }
        seen.add(event.toString());
        if (event.getString("channel").equals(channel) && data.test(event.getJsonObject("data"))) {
          return event.getJsonObject("data");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError("No matching event on " + channel + "; seen: " + seen);
  }

  @Override
  public void close() throws InterruptedException {
    pubsub.unsubscribe();
    subscriber.join(5000);
  }
}
