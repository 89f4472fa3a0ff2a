package org.gitterjakarta.ws.realtime;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerSession;
import org.gitterjakarta.events.entity.Notification;
import org.gitterjakarta.events.entity.Revocation;
import org.gitterjakarta.problems.Outages;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.tokens.boundary.Tokens;
import org.gitterjakarta.ws.bayeux.Trouble;
import org.gitterjakarta.ws.realtime.BayeuxChannel.RoomChannel;

/**
 * Takes away from this instance's Bayeux clients what their person may no longer see: on a {@link
 * Revocation} from any instance at once, and on each client's {@code /meta/connect} at most every
 * {@link #RECHECK_NANOS} (so that a lost announcement cannot leave anyone subscribed). A session
 * whose token no longer works, or whose person was signed out everywhere, is disconnected; a
 * subscription to a room its person may no longer read is dropped with the room's other channels.
 * The periodic checks run off the client's thread. A check that cannot be made because a store is
 * out of reach ({@link Outages}) leaves the session as it is and pauses every session's checks for
 * one interval: the announcements still apply, and one warning stands for the whole outage, not one
 * per client.
 */
@ApplicationScoped
public class AccessRevoker {

  static final long RECHECK_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
  static final String LAST_CHECK = AccessRevoker.class.getName() + ".lastCheck";
  private static final System.Logger LOGGER = System.getLogger(AccessRevoker.class.getName());
  private static final Object TOKEN_REVOKED =
      JsonText.of(Notification.of("token_revoked", java.util.Map.of()));

  /** The clock of the checks' intervals (a test's own moves on at will). */
  LongSupplier nanoClock = System::nanoTime;

  private final Trouble failing = troubleOfChecks();

  /**
   * Failures that are no outage: not paused for, but logged once per run too (every client may meet
   * them).
   */
  private final Trouble failingBadly = troubleOfChecks();

  private Trouble troubleOfChecks() {
    return new Trouble(
        LOGGER, "Periodic access checks failing", RECHECK_NANOS, () -> nanoClock.getAsLong());
  }

  @Inject LocalClients clients;
  @Inject ChannelAccess access;
  @Inject Tokens tokens;
  @Inject Rooms rooms;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  /** Called on every {@code /meta/connect}; checks the session again when it is due. */
  void connected(ServerSession session) {
    long now = nanoClock.getAsLong();
    Object last = session.getAttribute(LAST_CHECK);
    if (last instanceof Long at && now - at < RECHECK_NANOS) {
      return;
    }
    session.setAttribute(LAST_CHECK, now);
    if (last != null && !failing.paused()) {
      run(() -> recheck(session));
    }
  }

  /**
   * Applied on the live subscriber's thread, before the events that follow it: a message sent right
   * after a kick must not reach the kicked person. Only the named person's sessions are looked at
   * when the revocation names one.
   */
  void apply(Revocation revocation) {
    rooms.revoked(revocation); // the checks below read what is stored now
    var sessions = revocation.userId() != null ? clients.of(revocation.userId()) : clients.all();
    for (ServerSession session : sessions) {
      Connection connection = Connection.of(session);
      if (revocation.endsSession(connection.userId(), connection.tokenHash())) {
        tellTokenRevoked(session);
        end(session, "revoked");
      } else if (revocation.roomId() != null) {
        dropUnreadable(session, connection, revocation);
      }
    }
  }

  private void recheck(ServerSession session) {
    if (failing.paused()) {
      return; // the session is due again one interval from now
    }
    try {
      Connection connection = Connection.of(session);
      if (connection.token() != null && tokens.resolve(connection.token()).isEmpty()) {
        end(session, "token no longer valid");
      } else {
        dropUnreadable(session, connection, null);
      }
      failing.over();
      failingBadly.over();
    } catch (RuntimeException failure) {
      if (Outages.isOutage(failure)) {
        failing.happened("a store is out of reach; subscriptions kept until it answers", failure);
      } else { // a bug, not an outage: this check fails alone, the first of a run with its trace
        failingBadly.happened("unexpected failure, first met by " + session.getId(), failure);
      }
    }
  }

  /** Drops the session's room subscriptions the revocation concerns (all when null) and refuses. */
  private void dropUnreadable(ServerSession session, Connection connection, Revocation revocation) {
    for (ServerChannel channel : List.copyOf(session.getSubscriptions())) {
      if (!(BayeuxChannel.parse(channel.getId()) instanceof RoomChannel room)) {
        continue;
      }
      if (revocation != null && !revocation.concerns(room.roomId(), connection.userId())) {
        continue;
      }
      if (access.refusal(connection, room).isPresent()) {
        channel.unsubscribe(session);
      }
    }
  }

  /**
   * Gitter's {@code token_revoked} on the token's channel, for a client that follows it (only the
   * token's holder may): queued before the disconnect, so it is the last thing the client hears.
   */
  private static void tellTokenRevoked(ServerSession session) {
    for (ServerChannel channel : session.getSubscriptions()) {
      if (BayeuxChannel.parse(channel.getId()) instanceof BayeuxChannel.TokenChannel) {
        session.deliver(session, channel.getId(), TOKEN_REVOKED, Promise.noop());
      }
    }
  }

  private static void end(ServerSession session, String why) {
    LOGGER.log(System.Logger.Level.INFO, "Disconnecting {0}: {1}", session.getId(), why);
    session.disconnect();
  }

  private void run(Runnable check) {
    try {
      executor.execute(check);
    } catch (RejectedExecutionException stopping) {
      // the instance is going down with its sessions
    }
  }
}
