package org.gitterjakarta.ws.bayeux;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Closes websockets that have sent nothing for the idle timeout. Clients send a {@code
 * /meta/connect} at least every Bayeux timeout, so silence means the peer is gone. One sweep for
 * all sockets replaces the container's per-socket idle timer, which the container re-arms, with a
 * managed task and a class-path lookup, on every frame sent or received.
 */
final class IdleSockets {

  /** What the sweep needs of a socket. */
  interface Watched {
    /** {@link System#nanoTime()} of the last frame received. */
    long lastFrameNanos();

    /** Closes the socket with "going away" and this reason. */
    void goAway(String reason);
  }

  private final Set<Watched> sockets = ConcurrentHashMap.newKeySet();
  private final long idleNanos;

  IdleSockets(long idleMillis) {
    this.idleNanos = TimeUnit.MILLISECONDS.toNanos(idleMillis);
  }

  void opened(Watched socket) {
    sockets.add(socket);
  }

  void closed(Watched socket) {
    sockets.remove(socket);
  }

  int size() {
    return sockets.size();
  }

  /** Closes and forgets the sockets silent since before {@code nowNanos - idle}; returns them. */
  List<Watched> sweep(long nowNanos) {
    List<Watched> idle =
        sockets.stream().filter(s -> nowNanos - s.lastFrameNanos() > idleNanos).toList();
    for (Watched socket : idle) {
      sockets.remove(socket);
      socket.goAway("Idle");
    }
    return idle;
  }

  /** Closes every socket (the instance is stopping): their clients reconnect elsewhere. */
  int closeAll(String reason) {
    List<Watched> all = List.copyOf(sockets);
    for (Watched socket : all) {
      sockets.remove(socket);
      socket.goAway(reason);
    }
    return all.size();
  }
}
