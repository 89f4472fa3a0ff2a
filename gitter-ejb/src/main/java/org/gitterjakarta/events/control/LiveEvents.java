package org.gitterjakarta.events.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import org.gitterjakarta.events.entity.Envelope;
import org.gitterjakarta.redis.control.Redis;
import org.gitterjakarta.redis.control.RedisRole;
import redis.clients.jedis.JedisPooled;

/**
 * Publishes every stored change once on Redis pub/sub, where each realtime instance's single
 * subscriber picks it up. The change is already stored: a publishing failure is logged, never
 * turned into a failed write (clients fill gaps from history).
 */
@ApplicationScoped
public class LiveEvents {

  /** The Redis channel every realtime instance subscribes to. */
  public static final String REDIS_CHANNEL = "gitter:live";

  private static final System.Logger LOGGER = System.getLogger(LiveEvents.class.getName());

  @Inject
  @Redis(RedisRole.PUBSUB)
  JedisPooled redis;

  private volatile Jsonb jsonb;

  public void publish(String bayeuxChannel, Envelope envelope) {
    try {
      String message =
          "{\"channel\":"
              + json().toJson(bayeuxChannel)
              + ",\"data\":"
              + json().toJson(envelope)
              + "}";
      redis.publish(REDIS_CHANNEL, message);
    } catch (RuntimeException e) {
      LOGGER.log(
          System.Logger.Level.WARNING, "Live event on " + bayeuxChannel + " not published", e);
    }
  }

  private Jsonb json() {
    if (jsonb == null) {
      jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(false));
    }
    return jsonb;
  }
}
