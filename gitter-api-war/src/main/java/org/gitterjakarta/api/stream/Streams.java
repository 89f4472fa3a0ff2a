package org.gitterjakarta.api.stream;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.AsyncContext;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.gitterjakarta.events.boundary.LiveSubscription;
import org.gitterjakarta.events.entity.Revocation;

/**
 * The open streams of this API instance by channel, fed from the instance's one live subscription:
 * each new item becomes one JSON line for every stream of its room, and every stream gets Gitter's
 * {@code " \n"} keep-alive every {@value #KEEP_ALIVE_SECONDS} seconds.
 */
@ApplicationScoped
public class Streams {

  // looked up once: each Json.createReader() call searches the class path for a provider
  private static final JsonProvider JSON = JsonProvider.provider();

  static final int KEEP_ALIVE_SECONDS = 5;
  static final String KEEP_ALIVE = " \n";

  /** Every stream's access is checked again every 30 s, in case a revocation was lost. */
  static final int RECHECK_EVERY_TICKS = 6;

  @Inject LiveSubscription live;
  @Inject StreamRevoker revoker;
  private int ticks;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private final Map<String, Set<Stream>> byChannel = new ConcurrentHashMap<>();
  private ScheduledFuture<?> keepAlive;

  /** A new stream on {@code channel}; it leaves the registry when it closes. */
  Stream open(String channel, StreamReader reader, AsyncContext async) throws IOException {
    start();
    Set<Stream> streams = byChannel.computeIfAbsent(channel, c -> ConcurrentHashMap.newKeySet());
    Stream stream = new Stream(reader, async, streams::remove);
    streams.add(stream);
    return stream;
  }

  private synchronized void start() {
    if (keepAlive == null) {
      live.listen(this::deliver);
      keepAlive =
          scheduler.scheduleAtFixedRate(
              this::keepAlive, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }
  }

  /** New items only: a create's model, one line, serialised once for all readers. */
  void deliver(LiveSubscription.Live event) {
    if (Revocation.CHANNEL.equals(event.channel())) {
      revoker.apply(Revocation.parse(event.dataJson()), all());
      return;
    }
    Set<Stream> streams = byChannel.get(event.channel());
    if (streams == null || streams.isEmpty()) {
      return;
    }
    JsonObject data = JSON.createReader(new StringReader(event.dataJson())).readObject();
    if (!"create".equals(data.getString("operation", "")) || !data.containsKey("model")) {
      return;
    }
    String line = data.get("model").toString() + "\n";
    streams.forEach(stream -> stream.offer(line));
  }

  private void keepAlive() {
    byChannel.values().forEach(streams -> streams.forEach(s -> s.offer(KEEP_ALIVE)));
    if (++ticks % RECHECK_EVERY_TICKS == 0) {
      revoker.recheck(all());
    }
  }

  private List<Stream> all() {
    return byChannel.values().stream().flatMap(Set::stream).toList();
  }

  @PreDestroy
  void stop() {
    if (keepAlive != null) {
      keepAlive.cancel(false);
    }
    byChannel.values().forEach(streams -> Set.copyOf(streams).forEach(Stream::close));
  }
}
