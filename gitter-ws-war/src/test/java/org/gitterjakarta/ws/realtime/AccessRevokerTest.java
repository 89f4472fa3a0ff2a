package org.gitterjakarta.ws.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.BayeuxServerImpl;
import org.gitterjakarta.tokens.boundary.Tokens;
import org.gitterjakarta.tokens.entity.Caller;
import org.gitterjakarta.tokens.entity.TokenValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * The periodic access checks of sessions on a real CometD server, while the token lookup fails: a
 * store out of reach keeps every subscription and pauses the checks for an interval, and the whole
 * outage is logged once; any other failure is logged once a run too, but pauses nothing.
 */
class AccessRevokerTest {

  static final String ROOM = "/api/v1/rooms/5f0c1e2d3c4b5a6978877665/chatMessages";

  private final BayeuxServerImpl bayeux = new BayeuxServerImpl();
  private final AccessRevoker revoker = new AccessRevoker();
  private final AtomicInteger lookups = new AtomicInteger();
  private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
  private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
  private final Logger log = Logger.getLogger(AccessRevoker.class.getName());
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void start() throws Exception {
    bayeux.start();
    revoker.executor = directExecutor();
    revoker.nanoClock = clock::get;
    log.addHandler(handler);
  }

  @AfterEach
  void stop() throws Exception {
    log.removeHandler(handler);
    bayeux.stop();
  }

  @Test
  void aStoreOutOfReachKeepsSubscriptionsLogsOnceAndPausesTheChecks() {
    List<ServerSession> sessions =
        twoSessionsCheckedWhileLookupsFail(new JedisConnectionException("Connection refused"));

    assertThat(lookups).as("the second check waits for the pause").hasValue(1);
    clock.addAndGet(AccessRevoker.RECHECK_NANOS + 1);
    revoker.connected(dueAgain(sessions.get(1)));
    assertThat(lookups).as("checked again after the pause, the store still away").hasValue(2);
    for (ServerSession session : sessions) {
      assertThat(bayeux.getSession(session.getId())).as("not disconnected").isSameAs(session);
      assertThat(session.getSubscriptions()).extracting(ServerChannel::getId).containsExactly(ROOM);
    }
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).getMessage()).contains("a store is out of reach");
    assertThat(warnings.get(0).getThrown()).isInstanceOf(JedisConnectionException.class);
  }

  @Test
  void aFailureThatIsNoOutageFailsEachCheckAloneAndIsLoggedOnceWithoutAPause() {
    List<ServerSession> sessions =
        twoSessionsCheckedWhileLookupsFail(new IllegalStateException("a bug"));

    assertThat(lookups).as("no pause: both were checked").hasValue(2);
    assertThat(sessions).allSatisfy(session -> assertThat(session.getSubscriptions()).hasSize(1));
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).getMessage()).contains("unexpected failure");
  }

  /** Two subscribed sessions, each due for its check, connecting while the lookup fails so. */
  private List<ServerSession> twoSessionsCheckedWhileLookupsFail(RuntimeException failure) {
    revoker.tokens = tokensFailingWith(failure);
    List<ServerSession> sessions = List.of(subscribedSession(), subscribedSession());
    sessions.forEach(session -> revoker.connected(dueAgain(session)));
    return sessions;
  }

  private ServerSession subscribedSession() {
    var local = bayeux.newLocalSession("client");
    local.handshake();
    ServerSession session = local.getServerSession();
    Connection.of(new org.bson.types.ObjectId().toHexString(), TokenValues.generate())
        .attachTo(session);
    bayeux.createChannelIfAbsent(ROOM).getReference().subscribe(session);
    return session;
  }

  /** A session checked long enough ago that its next connect checks it again. */
  private ServerSession dueAgain(ServerSession session) {
    session.setAttribute(AccessRevoker.LAST_CHECK, clock.get() - 2 * AccessRevoker.RECHECK_NANOS);
    return session;
  }

  /** The token lookup, failing as a store out of reach (or a bug) makes it fail. */
  private Tokens tokensFailingWith(RuntimeException failure) {
    return new Tokens() {
      @Override
      public Optional<Caller> resolve(String value) {
        lookups.incrementAndGet();
        throw failure;
      }
    };
  }

  /** Runs each check at once on the caller's thread, as the container's executor would later. */
  private static ManagedExecutorService directExecutor() {
    return (ManagedExecutorService)
        Proxy.newProxyInstance(
            AccessRevokerTest.class.getClassLoader(),
            new Class<?>[] {ManagedExecutorService.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("execute")) {
                throw new UnsupportedOperationException(method.getName());
              }
              ((Runnable) args[0]).run();
              return null;
            });
  }
}
