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
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.roomviews.boundary.RoomJson;
import org.gitterjakarta.roomviews.boundary.RoomViews;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.users.boundary.Users;

/**
 * Gitter's additions to replies: the handshake's {@code ext {appVersion, userId, context: {user,
 * troupe}}} ({@code troupe} when the client named its room in {@code ext.troupeId}), the
 * subscription's {@code ext.snapshot}, and Gitter's error texts with Gitter's advice: a refused
 * handshake says {@code reconnect: none} for ten days, so clients stop retrying a bad token; any
 * other {@code 401} says handshake again.
 */
@ApplicationScoped
public class Replies implements BayeuxServer.Extension {

  private static final System.Logger LOGGER = System.getLogger(Replies.class.getName());

  /** Gitter's interval with {@code reconnect: none}: ten days. */
  static final long GIVE_UP_MILLIS = 864_000_000L;

  /** Gitter's interval before handshaking again after a {@code 401}. */
  static final long REHANDSHAKE_MILLIS = 2_000L;

  /** The build clients compare to their own (Gitter's web client reloads when it differs). */
  static final String APP_VERSION =
      java.util.Optional.ofNullable(Users.class.getPackage().getImplementationVersion())
          .orElse("dev");

  @Inject Users users;
  @Inject Rooms rooms;
  @Inject RoomViews roomViews;
  @Inject Snapshots snapshots;
  @Inject RoomVisits visits;
  @Inject SnapshotBudget budget;

  @Override
  public boolean sendMeta(ServerSession to, ServerMessage.Mutable reply) {
    boolean refused = Denials.apply(reply);
    switch (reply.getChannel()) {
      case Channel.META_HANDSHAKE -> {
        if (refused || !reply.isSuccessful()) {
          advise(reply, Message.RECONNECT_NONE_VALUE, GIVE_UP_MILLIS);
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
    if (!Channel.META_HANDSHAKE.equals(reply.getChannel())
        && reply.get(Message.ERROR_FIELD) instanceof String error
        && error.startsWith("401::")) {
      advise(reply, Message.RECONNECT_HANDSHAKE_VALUE, REHANDSHAKE_MILLIS);
    }
    return true;
  }

  private static void advise(ServerMessage.Mutable reply, String reconnect, long interval) {
    Map<String, Object> advice = reply.getAdvice(true);
    advice.put(Message.RECONNECT_FIELD, reconnect);
    advice.put(Message.INTERVAL_FIELD, interval);
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
    troupe(connection, reply.getAssociated())
        .ifPresent(room -> context.put("troupe", JsonText.of(room)));
    Map<String, Object> ext = reply.getExt(true);
    ext.put("appVersion", APP_VERSION);
    ext.put("userId", connection.userId());
    ext.put("context", context);
  }

  /** The room the client named in {@code ext.troupeId}, as its person sees it, if they may. */
  private java.util.Optional<RoomJson> troupe(Connection connection, ServerMessage request) {
    Map<String, Object> ext = request == null ? null : request.getExt();
    if (ext == null || !(ext.get("troupeId") instanceof String roomId)) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(
          roomViews.view(connection.userId(), rooms.readable(connection.userId(), roomId), true));
    } catch (Problem notReadable) {
      return java.util.Optional.empty();
    }
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
