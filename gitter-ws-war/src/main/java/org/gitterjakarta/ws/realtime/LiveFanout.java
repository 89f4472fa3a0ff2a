package org.gitterjakarta.ws.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.List;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.LocalSession;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerSession;
import org.gitterjakarta.events.control.LiveSubscription;
import org.gitterjakarta.events.entity.Channels;
import org.gitterjakarta.unread.entity.UnreadBatch;

/**
 * Delivers the live events of every writer (API instances, other realtime instances) to this
 * instance's subscribers: one Redis subscription, one publish per event into CometD, which queues
 * it for each subscribed client. A person removed from a room loses its room channels here too.
 */
@ApplicationScoped
public class LiveFanout {

  // looked up once: each Json.createReader() call searches the class path for a provider
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject LiveSubscription live;
  @Inject LocalClients clients;

  private volatile BayeuxServer bayeux;
  private volatile LocalSession publisher;

  void start(BayeuxServer server) {
    this.bayeux = server;
    this.publisher = server.newLocalSession("gitter-live");
    publisher.handshake();
    live.listen(this::deliver);
  }

  void deliver(LiveSubscription.Live event) {
    if (UnreadBatch.CHANNEL.equals(event.channel())) {
      deliver(UnreadBatch.parse(event.dataJson()));
      return;
    }
    ServerChannel channel = bayeux.getChannel(event.channel());
    if (channel != null && !channel.getSubscribers().isEmpty()) {
      channel.publish(publisher, JsonText.raw(event.dataJson()), Promise.noop());
    }
    if (event.channel().endsWith("/users")) {
      removedUser(event).ifPresent(userId -> unsubscribe(roomOf(event.channel()), userId));
    }
  }

  /** A room's unread change, expanded only for the people with a subscriber on this instance. */
  private void deliver(UnreadBatch batch) {
    for (UnreadBatch.Delivery delivery : batch.deliveries(this::hasSubscribers)) {
      ServerChannel channel = bayeux.getChannel(delivery.channel());
      if (channel != null) {
        channel.publish(publisher, JsonText.of(delivery.data()), Promise.noop());
      }
    }
  }

  private boolean hasSubscribers(String channelId) {
    ServerChannel channel = bayeux.getChannel(channelId);
    return channel != null && !channel.getSubscribers().isEmpty();
  }

  private static java.util.Optional<String> removedUser(LiveSubscription.Live event) {
    JsonObject data = JSON.createReader(new StringReader(event.dataJson())).readObject();
    if (!"remove".equals(data.getString("operation", ""))) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.ofNullable(data.getJsonObject("model"))
        .map(model -> model.getString("id", null));
  }

  private static String roomOf(String usersChannel) {
    String prefix = Channels.room("");
    return usersChannel.substring(prefix.length(), usersChannel.length() - "/users".length());
  }

  /** Every socket of the person leaves the room's channels (§3.4). */
  private void unsubscribe(String roomId, String userId) {
    List<String> roomChannels =
        List.of(
            Channels.room(roomId),
            Channels.roomMessages(roomId),
            Channels.roomUsers(roomId),
            Channels.room(roomId) + "/events");
    for (ServerSession session : clients.of(userId)) {
      for (String id : roomChannels) {
        ServerChannel channel = bayeux.getChannel(id);
        if (channel != null) {
          channel.unsubscribe(session);
        }
      }
    }
  }
}
