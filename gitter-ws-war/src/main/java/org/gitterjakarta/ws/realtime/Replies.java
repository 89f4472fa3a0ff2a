package org.gitterjakarta.ws.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.users.boundary.Users;

/**
 * Gitter's additions to replies: the handshake's {@code ext {userId, context}}, the subscription's
 * {@code ext.snapshot}, and Gitter's error texts (with {@code reconnect: none} for a refused
 * handshake, so clients stop retrying a bad token).
 */
@ApplicationScoped
public class Replies implements BayeuxServer.Extension {

  private static final System.Logger LOGGER = System.getLogger(Replies.class.getName());

  @Inject Users users;
  @Inject Snapshots snapshots;
  @Inject RoomVisits visits;
  @Inject SnapshotBudget budget;

  @Override
  public boolean sendMeta(ServerSession to, ServerMessage.Mutable reply) {
    boolean refused = Denials.apply(reply);
    switch (reply.getChannel()) {
      case Channel.META_HANDSHAKE -> {
        if (refused || !reply.isSuccessful()) {
          reply.getAdvice(true).put(Message.RECONNECT_FIELD, Message.RECONNECT_NONE_VALUE);
        } else {
          handshaken(to, reply);
        }
      }
      case Channel.META_SUBSCRIBE -> {
        if (reply.isSuccessful()) {
          subscribed(to, reply);
        }
      }
      default -> {}
    }
    return true;
  }

  /** Replies to refused publishes carry Gitter's error too. */
  @Override
  public boolean send(ServerSession from, ServerSession to, ServerMessage.Mutable message) {
    Denials.apply(message);
    return true;
  }

  private void handshaken(ServerSession session, ServerMessage.Mutable reply) {
    Connection connection = Connection.of(session);
    Map<String, Object> context = new LinkedHashMap<>();
    if (connection.userId() != null) {
      users
          .find(connection.userId())
          .ifPresent(u -> context.put("user", JsonText.of(UserJson.self(u))));
    }
    Map<String, Object> ext = reply.getExt(true);
    ext.put("userId", connection.userId());
    ext.put("context", context);
  }

  private void subscribed(ServerSession session, ServerMessage.Mutable reply) {
    ServerMessage request = reply.getAssociated();
    Object subscription = reply.get(Message.SUBSCRIPTION_FIELD);
    if (request == null || !(subscription instanceof String channel)) {
      return;
    }
    Map<String, Object> requestExt = request.getExt();
    Object asked = requestExt == null ? null : requestExt.get("snapshot");
    BayeuxChannel target = BayeuxChannel.parse(channel);
    if (target instanceof BayeuxChannel.RoomChannel room) {
      visits.arrived(session, room.roomId(), requestExt);
    }
    try {
      budget
          .read(() -> snapshots.of(Connection.of(session), target, asked))
          .map(JsonText::of)
          .ifPresent(
              snapshot -> {
                budget.charge(session, snapshot.toString().length());
                reply.getExt(true).put("snapshot", snapshot);
              });
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.DEBUG, "No snapshot for " + channel, e);
    }
  }
}
