package org.gitterjakarta.presence.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gitterjakarta.events.control.LiveEvents;
import org.gitterjakarta.events.entity.Channels;
import org.gitterjakarta.events.entity.Notification;
import org.gitterjakarta.presence.control.PresenceStore;
import org.gitterjakarta.presence.control.PresenceStore.Transition;
import org.gitterjakarta.problems.Problem;

/**
 * Who is online and who is looking at which room, across every realtime instance. A person entering
 * or leaving a room is announced on the room's channel as {@code {notification: 'presence', userId,
 * status: 'in'|'out'}}.
 */
@Stateless
public class Presence {

  private static final System.Logger LOGGER = System.getLogger(Presence.class.getName());

  @Inject PresenceStore store;
  @Inject LiveEvents events;

  public void connected(String socketId, String userId, boolean mobile, String instance) {
    store.connect(socketId, userId, mobile, instance);
  }

  /** A subscription to a room's channels points the socket there (eyeballs on unless said). */
  public void lookingAt(String socketId, String roomId, boolean eyeballs) {
    String userId = store.ownerOf(socketId);
    if (userId != null) {
      announce(userId, store.associate(socketId, roomId, eyeballs));
    }
  }

  /** {@code POST /v1/eyeballs}: the person's window gained or lost focus. */
  public void eyeballs(String userId, String socketId, boolean on) {
    if (socketId == null || socketId.isBlank()) {
      throw Problem.invalid("socketId is required");
    }
    if (!userId.equals(store.ownerOf(socketId))) {
      throw Problem.invalid("Unknown socket");
    }
    announce(userId, store.associate(socketId, null, on));
  }

  /** {@code DELETE /v1/sockets/:socketId}: a client says goodbye for one of its own sockets. */
  public void disconnect(String userId, String socketId) {
    String owner = store.ownerOf(socketId);
    if (owner == null) {
      throw Problem.notFound("Socket not found");
    }
    if (!owner.equals(userId)) {
      throw Problem.notAllowed("This socket is someone else's");
    }
    announce(userId, store.disconnect(socketId));
    LOGGER.log(
        System.Logger.Level.INFO, "Socket {0} of {1} disconnected by request", socketId, userId);
  }

  public void disconnected(String socketId) {
    String userId = store.ownerOf(socketId);
    if (userId != null) {
      announce(userId, store.disconnect(socketId));
    }
  }

  public Set<String> online(Collection<String> userIds) {
    return userIds.isEmpty() ? Set.of() : store.online(userIds);
  }

  public Set<String> inRoom(String roomId) {
    return store.inRoom(roomId);
  }

  public void heartbeat(String instance, int seconds) {
    store.heartbeat(instance, seconds);
  }

  /** Sockets of instances that died without saying goodbye are taken away. */
  public int collectDeadInstances() {
    int collected = 0;
    for (Map.Entry<String, Set<String>> dead : store.deadInstances().entrySet()) {
      for (String socketId : dead.getValue()) {
        disconnected(socketId);
        collected++;
      }
      store.forgetInstance(dead.getKey());
      LOGGER.log(
          System.Logger.Level.INFO,
          "Realtime instance {0} gone: {1} sockets collected",
          dead.getKey(),
          dead.getValue().size());
    }
    return collected;
  }

  private void announce(String userId, List<Transition> transitions) {
    if (transitions == null) {
      return;
    }
    for (Transition t : transitions) {
      if (t.kind().equals("in") || t.kind().equals("out")) {
        events.notify(
            Channels.room(t.subject()),
            Notification.of("presence", Map.of("userId", userId, "status", t.kind())));
      }
    }
  }
}
