package org.gitterjakarta.ws.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.LocalSession;
import org.cometd.bayeux.server.ServerChannel;
import org.gitterjakarta.events.boundary.LiveSubscription;
import org.gitterjakarta.events.entity.Revocation;
import org.gitterjakarta.unread.entity.UnreadBatch;

/**
 * Delivers the live events of every writer (API instances, other realtime instances) to this
 * instance's subscribers: one Redis subscription, one publish per event into CometD, which queues
 * it for each subscribed client. Revocations go to the {@link AccessRevoker}.
 */
@ApplicationScoped
public class LiveFanout {

  @Inject LiveSubscription live;
  @Inject AccessRevoker revoker;
  @Inject DeliveryMetrics metrics;

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
      deliver(UnreadBatch.parse(event.dataJson()), event.publishedAt());
      return;
    }
    if (Revocation.CHANNEL.equals(event.channel())) {
      revoker.apply(Revocation.parse(event.dataJson()));
      return;
    }
    ServerChannel channel = bayeux.getChannel(event.channel());
    int subscribers = channel == null ? 0 : channel.getSubscribers().size();
    if (subscribers > 0) {
      channel.publish(publisher, JsonText.raw(event.dataJson()), Promise.noop());
      metrics.delivered(subscribers, event.publishedAt());
    }
  }

  /** The {@link RealtimeWarmUp}'s events: published as live events are, not counted as them. */
  void publishUncounted(String channelId, String dataJson) {
    ServerChannel channel = bayeux.getChannel(channelId);
    if (channel != null) {
      channel.publish(publisher, JsonText.raw(dataJson), Promise.noop());
    }
  }

  /** A room's unread change, expanded only for the people with a subscriber on this instance. */
  private void deliver(UnreadBatch batch, long publishedAt) {
    for (UnreadBatch.Delivery delivery : batch.deliveries(this::hasSubscribers)) {
      ServerChannel channel = bayeux.getChannel(delivery.channel());
      if (channel != null) {
        channel.publish(publisher, JsonText.of(delivery.data()), Promise.noop());
        metrics.delivered(channel.getSubscribers().size(), publishedAt);
      }
    }
  }

  private boolean hasSubscribers(String channelId) {
    ServerChannel channel = bayeux.getChannel(channelId);
    return channel != null && !channel.getSubscribers().isEmpty();
  }
}
