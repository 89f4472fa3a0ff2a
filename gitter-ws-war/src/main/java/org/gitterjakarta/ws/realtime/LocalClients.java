package org.gitterjakarta.ws.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.gitterjakarta.presence.boundary.Presence;

/**
 * The Bayeux clients connected to this instance: each gets its {@code ext.c} sequence and a bounded
 * queue, and is found by person when they leave or are banned from a room.
 *
 * <p>A full queue first sheds ephemeral events (patches and notifications, which the next snapshot
 * restores); a client whose queue is full of chat messages is disconnected, and its client
 * re-handshakes and re-reads, rather than let one slow reader grow the server's memory.
 */
@ApplicationScoped
public class LocalClients implements BayeuxServer.SessionListener {

  private static final System.Logger LOGGER = System.getLogger(LocalClients.class.getName());

  private final Set<ServerSession> sessions = ConcurrentHashMap.newKeySet();
  private final String instance = "ws-" + java.util.UUID.randomUUID();

  @Inject Presence presence;
  private volatile BayeuxServer bayeux;

  private volatile int maxQueue;

  /** Starts following the server's sessions; each may queue {@code max} undelivered messages. */
  void attach(BayeuxServer server, int max) {
    this.bayeux = server;
    this.maxQueue = max;
    server.setOption("maxQueue", max);
    server.addListener(this);
  }

  /**
   * The instance is stopping: its websockets are closed ("going away"), so their clients reconnect
   * through the proxy, which passes them to another instance while this one answers 503. Clients
   * that long-poll move the same way with their next request.
   */
  void letGo(@Observes org.gitterjakarta.lifecycle.Draining stopping) {
    BayeuxServer server = bayeux;
    if (server != null
        && server.getTransport("websocket")
            instanceof org.gitterjakarta.ws.bayeux.WebSocketTransport sockets) {
      int closed = sockets.closeAll("Server restarting");
      LOGGER.log(System.Logger.Level.INFO, "Stopping: {0} websockets closed", closed);
    }
  }

  @Override
  public void sessionAdded(ServerSession session, ServerMessage message) {
    if (session.isLocalSession()) {
      return;
    }
    session.addExtension(new ClientSequence(bayeux));
    Connection connection = Connection.of(session);
    if (connection.userId() != null) {
      presence.connected(session.getId(), connection.userId(), isMobile(message), instance);
    }
    session.addListener(
        (ServerSession.QueueMaxedListener)
            (client, queue, sender, pending) -> queueMaxed(client, queue, pending, maxQueue));
    sessions.add(session);
  }

  @Override
  public void sessionRemoved(ServerSession session, ServerMessage message, boolean timeout) {
    if (sessions.remove(session) && Connection.of(session).userId() != null) {
      presence.disconnected(session.getId());
    }
  }

  /** Native mobile clients say so at handshake; they do not make their person "online". */
  private static boolean isMobile(ServerMessage handshake) {
    var ext = handshake == null ? null : handshake.getExt();
    return ext != null && "mobile".equals(ext.get("connType"));
  }

  /** This instance's name in presence, so its sockets can be collected if it dies. */
  public String instance() {
    return instance;
  }

  /** The sessions of one person on this instance. */
  public Set<ServerSession> of(String userId) {
    Set<ServerSession> found = ConcurrentHashMap.newKeySet();
    for (ServerSession session : sessions) {
      if (userId.equals(Connection.of(session).userId())) {
        found.add(session);
      }
    }
    return found;
  }

  /** Every remote session of this instance. */
  public Set<ServerSession> all() {
    return Set.copyOf(sessions);
  }

  public int count() {
    return sessions.size();
  }

  /** Whether {@code message} may still join the full queue; may shed or disconnect first. */
  static boolean queueMaxed(
      ServerSession session, Queue<ServerMessage> queue, ServerMessage message, int max) {
    queue.removeIf(LocalClients::ephemeral);
    if (queue.size() >= max) {
      LOGGER.log(
          System.Logger.Level.INFO,
          "Disconnecting {0}: {1} undelivered messages",
          session.getId(),
          queue.size());
      session.disconnect();
      return false;
    }
    return true;
  }

  /** Anything but a chat message's create/update/remove can be restored from a snapshot. */
  static boolean ephemeral(ServerMessage message) {
    String channel = message.getChannel();
    return channel == null || !channel.endsWith("/chatMessages") || isPatch(message);
  }

  private static boolean isPatch(ServerMessage message) {
    Object data = message.getData();
    // The data is the envelope's JSON text; inside string values quotes are escaped, so this
    // cannot match a message's text.
    return data != null && data.toString().contains("\"operation\":\"patch\"");
  }
}
