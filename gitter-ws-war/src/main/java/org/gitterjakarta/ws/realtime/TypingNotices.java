package org.gitterjakarta.ws.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ConfigurableServerChannel;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.ServerMessageImpl;
import org.gitterjakarta.typing.boundary.Typing;

/**
 * Clients publish {@code {typing: true|false}} to {@code /api/v1/rooms/:id/typing}. The security
 * policy asks {@link #refusal} first (a person who may write in the room, a boolean, within the
 * client's budget); the accepted notice is then not delivered as the client wrote it: the server
 * announces its own, naming the person, through Redis to every realtime instance (this one
 * included), and the client's publish is answered as successful.
 */
@ApplicationScoped
public class TypingNotices implements ServerChannel.MessageListener {

  static final String BAD_NOTICE = "400::Publish {\"typing\": true} or {\"typing\": false}";
  static final String TOO_OFTEN = "429::Too many typing notices, slow down";

  /** A burst of this many notices, then one a second: a client sends one every few seconds. */
  static final int BURST = 5;

  static final long REFILL_MILLIS = 1_000;
  private static final String BUDGET = TypingNotices.class.getName() + ".budget";

  @Inject Typing typing;

  void attach(BayeuxServer bayeux) {
    bayeux.addListener(
        new BayeuxServer.ChannelListener() {
          @Override
          public void configureChannel(ConfigurableServerChannel channel) {
            // nothing to configure: the listener is added once the channel exists
          }

          @Override
          public void channelAdded(ServerChannel channel) {
            if (isTyping(channel.getId())) {
              channel.addListener(TypingNotices.this);
            }
          }
        });
  }

  static boolean isTyping(String channelId) {
    return BayeuxChannel.parse(channelId) instanceof BayeuxChannel.RoomChannel room
        && Typing.RESOURCE.equals(room.resource())
        && room.rest().isEmpty();
  }

  Optional<String> refusal(ServerSession session, String channelId, ServerMessage message) {
    var room = (BayeuxChannel.RoomChannel) BayeuxChannel.parse(channelId);
    if (!(message.getData() instanceof Map<?, ?> data && data.get("typing") instanceof Boolean)) {
      return Optional.of(BAD_NOTICE);
    }
    if (!spend(session)) {
      return Optional.of(TOO_OFTEN); // before the room's check: refusals cost budget too
    }
    return typing
        .refusal(Connection.of(session).userId(), room.roomId())
        .map(reason -> ChannelAccess.DENIED);
  }

  @Override
  public boolean onMessage(
      ServerSession from, ServerChannel channel, ServerMessage.Mutable message) {
    if (from == null || from.isLocalSession()) {
      return true; // the announced notice, delivered by the live fan-out
    }
    var room = (BayeuxChannel.RoomChannel) BayeuxChannel.parse(channel.getId());
    boolean isTyping = Boolean.TRUE.equals(((Map<?, ?>) message.getData()).get("typing"));
    typing.announce(Connection.of(from).userId(), room.roomId(), isTyping);
    if (message.getAssociated() instanceof ServerMessageImpl reply) {
      reply.setSuccessful(true);
      reply.setHandled(true); // otherwise CometD answers the publish with 404::message_deleted
    }
    return false;
  }

  /** A token bucket per client, kept on its session. */
  private static boolean spend(ServerSession session) {
    long now = System.currentTimeMillis();
    synchronized (session) {
      long[] budget = (long[]) session.getAttribute(BUDGET);
      if (budget == null) {
        budget = new long[] {BURST, now};
        session.setAttribute(BUDGET, budget);
      }
      long refilled = (now - budget[1]) / REFILL_MILLIS;
      if (refilled > 0) {
        budget[0] = Math.min(BURST, budget[0] + refilled);
        budget[1] += refilled * REFILL_MILLIS;
      }
      if (budget[0] == 0) {
        return false;
      }
      budget[0]--;
      return true;
    }
  }
}
