package org.gitterjakarta.events.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.management.ObjectName;
import org.gitterjakarta.events.control.LiveEvents;
import org.gitterjakarta.events.control.SubscriptionStates;
import org.gitterjakarta.redis.control.Redis;
import org.gitterjakarta.redis.control.RedisRole;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;

/**
 * This instance's one subscription to the live events every writer publishes ({@link
 * LiveEvents#REDIS_CHANNEL}), shared by all its listeners: a realtime instance holds one Redis
 * subscription whatever its number of sockets. Reconnects with a pause when Redis goes away.
 */
@ApplicationScoped
public class LiveSubscription {

  private static final System.Logger LOGGER = System.getLogger(LiveSubscription.class.getName());
  static final long RETRY_MILLIS = 1000;

  @Inject
  @Redis(RedisRole.PUBSUB)
  UnifiedJedis redis;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private final List<Consumer<Live>> listeners = new CopyOnWriteArrayList<>();
  private volatile JedisPubSub subscriber;
  private volatile boolean running;
  private volatile boolean lost;
  private Thread thread;
  private ObjectName state;

  /**
   * A live event as published: its Bayeux channel, its data as JSON text, and when it was published
   * (epoch milliseconds; 0 when the publisher did not say).
   */
  public record Live(String channel, String dataJson, long publishedAt) {

    // looked up once: each Json.createReader() call searches the class path for a provider
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String AT = "{\"at\":";
    private static final String CHANNEL = "\"channel\":\"";
    private static final String DATA = "\",\"data\":";

    /**
     * An event as {@link LiveEvents} writes it, {@code {"at":<ms>,"channel":"<c>","data":<json>}}.
     * The data stays text: it is relayed to clients as is, so the common shape is cut apart without
     * parsing (this runs once per event per instance); anything else goes through a JSON parser.
     */
    static Live parse(String message) {
      int comma = message.startsWith(AT) ? message.indexOf(',', AT.length()) : -1;
      int channelAt = comma < 0 ? 1 : comma + 1;
      int dataAt = message.indexOf(DATA, channelAt);
      if (message.startsWith(CHANNEL, channelAt) && dataAt > 0 && message.endsWith("}")) {
        String channel = message.substring(channelAt + CHANNEL.length(), dataAt);
        long at = comma < 0 ? 0 : digits(message, AT.length(), comma);
        if (at >= 0 && channel.indexOf('\\') < 0 && channel.indexOf('"') < 0) {
          String data = message.substring(dataAt + DATA.length(), message.length() - 1);
          return new Live(channel, data, at);
        }
      }
      JsonObject event = JSON.createReader(new StringReader(message)).readObject();
      long at = event.get("at") instanceof JsonNumber number ? number.longValue() : 0;
      return new Live(event.getString("channel"), event.get("data").toString(), at);
    }

    /** The decimal number in {@code text[from, to)}, or -1 when it is none. */
    private static long digits(String text, int from, int to) {
      if (to - from < 1 || to - from > 18) {
        return -1;
      }
      long value = 0;
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          return -1;
        }
        value = value * 10 + (c - '0');
      }
      return value;
    }
  }

  public synchronized void listen(Consumer<Live> listener) {
    listeners.add(listener);
    if (thread == null) {
      running = true;
      thread = threads.newThread(this::receive);
      thread.setName("gitter-live-subscription");
      thread.start();
      state = SubscriptionStates.add(this::receiving);
    }
  }

  /**
   * Whether live events reach this instance: it has no listener, or its subscription stands. While
   * it is down, events published by any instance are missed here (clients catch up from history).
   */
  public boolean receiving() {
    JedisPubSub current = subscriber;
    return listeners.isEmpty() || (current != null && current.isSubscribed());
  }

  private void receive() {
    while (running) {
      try {
        subscriber =
            new JedisPubSub() {
              @Override
              public void onMessage(String channel, String message) {
                dispatch(message);
              }

              @Override
              public void onSubscribe(String channel, int subscribedChannels) {
                if (lost) {
                  lost = false;
                  LOGGER.log(System.Logger.Level.INFO, "Live subscription restored");
                }
              }
            };
        redis.subscribe(subscriber, LiveEvents.REDIS_CHANNEL);
      } catch (RuntimeException e) {
        if (running) {
          lost = true;
          LOGGER.log(System.Logger.Level.WARNING, "Live subscription lost; retrying", e);
          pause();
        }
      }
    }
  }

  private void dispatch(String message) {
    try {
      Live live = Live.parse(message);
      for (Consumer<Live> listener : listeners) {
        listener.accept(live);
      }
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.WARNING, "Live event not delivered: " + message, e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @PreDestroy
  synchronized void stop() {
    running = false;
    if (state != null) {
      SubscriptionStates.remove(state);
    }
    JedisPubSub current = subscriber;
    if (current != null && current.isSubscribed()) {
      current.unsubscribe();
    }
  }
}
