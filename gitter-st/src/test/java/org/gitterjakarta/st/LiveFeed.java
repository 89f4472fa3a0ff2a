package org.gitterjakarta.st;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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

/**
 * The live events the instance publishes on Redis ({@code gitter:live}), as a test reads them. A
 * room's unread batch is read as the realtime instances read it: as each person's two events.
 */
final class LiveFeed implements AutoCloseable {

  static final String UNREAD_BATCH = "/gitter/internal/unread";

  private final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
  private final JedisPubSub pubsub =
      new JedisPubSub() {
        @Override
        public void onMessage(String channel, String message) {
          JsonObject event = Json.createReader(new StringReader(message)).readObject();
          if (UNREAD_BATCH.equals(event.getString("channel"))) {
            events.addAll(perPerson(event.getJsonObject("data")));
          } else {
            events.add(event);
          }
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

  /** {@code unread_items(_removed)} and the count patch for each person, the dot for quiet ones. */
  static List<JsonObject> perPerson(JsonObject batch) {
    String roomId = batch.getString("roomId");
    boolean added = batch.getBoolean("added");
    List<JsonObject> out = new ArrayList<>();
    for (JsonValue quiet : batch.getJsonArray("quiet")) {
      String rooms = "/api/v1/user/" + ((JsonString) quiet).getString() + "/rooms";
      out.add(event(rooms, patch(Json.createObjectBuilder().add("id", roomId).add("activity", 1))));
    }
    for (JsonArray person : batch.getJsonArray("people").getValuesAs(JsonArray.class)) {
      String rooms = "/api/v1/user/" + person.getString(0) + "/rooms";
      var items = Json.createObjectBuilder().add("chat", batch.getJsonArray("chatIds"));
      if (!added || person.getBoolean(1)) {
        items.add("mention", batch.getJsonArray("mentionIds"));
      }
      out.add(
          event(
              rooms + "/" + roomId + "/unreadItems",
              Json.createObjectBuilder()
                  .add("notification", added ? "unread_items" : "unread_items_removed")
                  .add("items", items)));
      out.add(
          event(
              rooms,
              patch(
                  Json.createObjectBuilder()
                      .add("id", roomId)
                      .add("unreadItems", person.getInt(2))
                      .add("mentions", person.getInt(3)))));
    }
    return out;
  }

  private static JsonObjectBuilder patch(JsonObjectBuilder model) {
    return Json.createObjectBuilder().add("operation", "patch").add("model", model);
  }

  private static JsonObject event(String channel, JsonObjectBuilder data) {
    return Json.createObjectBuilder().add("channel", channel).add("data", data).build();
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
