package org.gitterjakarta.events.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.gitterjakarta.events.control.LiveEvents;
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

  /** A live event as published: its Bayeux channel and its data as JSON text. */
  public record Live(String channel, String dataJson) {

    // looked up once: each Json.createReader() call searches the class path for a provider
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String HEAD = "{\"channel\":\"";
    private static final String DATA = "\",\"data\":";

    /**
     * An event as {@link LiveEvents} writes it, {@code {"channel":"<c>","data":<json>}}. The data
     * stays text: it is relayed to clients as is, so the common shape is cut apart without parsing
     * (this runs once per event per instance); anything else goes through a JSON parser.
     */
    static Live parse(String message) {
      int dataAt = message.indexOf(DATA);
      if (message.startsWith(HEAD) && dataAt > 0 && message.endsWith("}")) {
        String channel = message.substring(HEAD.length(), dataAt);
        if (channel.indexOf('\\') < 0 && channel.indexOf('"') < 0) {
          return new Live(channel, message.substring(dataAt + DATA.length(), message.length() - 1));
        }
      }
      JsonObject event = JSON.createReader(new StringReader(message)).readObject();
      return new Live(event.getString("channel"), event.get("data").toString());
    }
  }

  public synchronized void listen(Consumer<Live> listener) {
    listeners.add(listener);
    if (thread == null) {
      running = true;
      thread = threads.newThread(this::receive);
      thread.setName("gitter-live-subscription");
      thread.start();
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
    JedisPubSub current = subscriber;
    if (current != null && current.isSubscribed()) {
      current.unsubscribe();
    }
  }
}
