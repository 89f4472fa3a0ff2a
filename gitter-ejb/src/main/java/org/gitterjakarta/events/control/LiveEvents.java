package org.gitterjakarta.events.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.util.List;
import org.gitterjakarta.events.entity.Envelope;
import org.gitterjakarta.redis.control.Redis;
import org.gitterjakarta.redis.control.RedisOutbox;
import org.gitterjakarta.redis.control.RedisRole;
import redis.clients.jedis.UnifiedJedis;

/**
 * Publishes every stored change once on Redis pub/sub, where each realtime instance's single
 * subscriber picks it up. The change is already stored: while Redis is away events wait in the
 * {@link RedisOutbox} and go out in order when it returns; any other publishing failure is logged,
 * never turned into a failed write (clients fill gaps from history). Each event carries the time it
 * was published ({@code at}, epoch milliseconds), so realtime instances can tell the delivery lag.
 */
@ApplicationScoped
public class LiveEvents {

  /** The Redis channel every realtime instance subscribes to. */
  public static final String REDIS_CHANNEL = "gitter:live";

  private static final System.Logger LOGGER = System.getLogger(LiveEvents.class.getName());

  @Inject
  @Redis(RedisRole.PUBSUB)
  UnifiedJedis redis;

  @Inject RedisOutbox outbox;

  private volatile Jsonb jsonb;

  public void publish(String bayeuxChannel, Envelope envelope) {
    publishData(bayeuxChannel, envelope);
  }

  /** A notification ({@code {notification: kind, ...}}) rather than a data change. */
  public void notify(String bayeuxChannel, java.util.Map<String, Object> notification) {
    publishData(bayeuxChannel, notification);
  }

  /** Data already written as JSON text (e.g. an instance-to-instance batch), sent as is. */
  public void publishJson(String channel, String dataJson) {
    String message = head(channel) + dataJson + "}";
    send("live event on " + channel, () -> redis.publish(REDIS_CHANNEL, message));
  }

  /** Many events in one round trip (a message's fan-out to each member's channels). */
  public void publishAll(java.util.List<Live> batch) {
    if (batch.isEmpty()) {
      return;
    }
    List<String> messages = batch.stream().map(e -> message(e.channel(), e.data())).toList();
    send(
        batch.size() + " live events",
        () -> {
          try (var pipeline = redis.pipelined()) {
            messages.forEach(message -> pipeline.publish(REDIS_CHANNEL, message));
            pipeline.sync();
          }
        });
  }

  /** One event for {@link #publishAll}: an envelope or a notification on a Bayeux channel. */
  public record Live(String channel, Object data) {}

  private void publishData(String bayeuxChannel, Object data) {
    String message = message(bayeuxChannel, data);
    send("live event on " + bayeuxChannel, () -> redis.publish(REDIS_CHANNEL, message));
  }

  private void send(String what, Runnable publish) {
    try {
      outbox.run(what, publish);
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.WARNING, what + " not published", e);
    }
  }

  private String message(String bayeuxChannel, Object data) {
    return head(bayeuxChannel) + json().toJson(data) + "}";
  }

  /** {@code {"at":<now>,"channel":<channel>,"data":}}: the data and a closing brace follow. */
  private String head(String bayeuxChannel) {
    return "{\"at\":"
        + System.currentTimeMillis()
        + ",\"channel\":"
        + json().toJson(bayeuxChannel)
        + ",\"data\":";
  }

  private Jsonb json() {
    if (jsonb == null) {
      jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(false));
    }
    return jsonb;
  }
}
