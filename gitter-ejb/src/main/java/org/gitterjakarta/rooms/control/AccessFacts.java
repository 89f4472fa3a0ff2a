package org.gitterjakarta.rooms.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.gitterjakarta.events.boundary.LiveSubscription;
import org.gitterjakarta.events.control.LiveEvents;
import org.gitterjakarta.events.entity.Revocation;
import org.gitterjakarta.rooms.entity.MemberJoined;

/**
 * What a person's rights in a room are decided from besides the room and its community: banned,
 * member, in the room's community. Every request about a room needs them, so this instance keeps
 * them for {@link #TTL_MILLIS}. A change forgets the person at once here (before its request
 * answers) and, through the live events, on every other instance: joins and unbans on {@link
 * #CHANNEL}, leaves, kicks, bans and deleted accounts as {@link Revocation}s. The time to live
 * bounds what a lost event can keep wrong. Nothing is kept while this instance hears no live
 * events, and a read that overlapped a change is used once but not kept.
 */
@ApplicationScoped
public class AccessFacts {

  /** The internal live channel on which an instance says a person may now do more somewhere. */
  public static final String CHANNEL = "/gitter/internal/access";

  static final long TTL_MILLIS = 10_000;
  static final int MAX_PEOPLE = 20_000;

  private static final System.Logger LOGGER = System.getLogger(AccessFacts.class.getName());

  // looked up once: each Json.createReader() call searches the class path for a provider
  private static final JsonProvider JSON = JsonProvider.provider();

  /** What was read about one person in one room. */
  public record Facts(boolean banned, boolean member, boolean inCommunity) {}

  private record Kept(Facts facts, long until) {}

  /** Unresolvable in a command-line tool (no managed threads): there nothing is kept. */
  @Inject Instance<LiveSubscription> subscription;

  @Inject LiveEvents events;

  /** userId → roomId → facts: a person's change forgets all of theirs in one step. */
  private final Map<String, Map<String, Kept>> people = new ConcurrentHashMap<>();

  /** Counts every forgetting: a read that started before one is not kept. */
  private final AtomicLong changes = new AtomicLong();

  private LiveSubscription live;

  @PostConstruct
  void listen() {
    if (subscription.isResolvable()) {
      live = subscription.get();
      live.listen(this::heard);
    } else {
      LOGGER.log(System.Logger.Level.DEBUG, "Access facts not kept: no live events here");
    }
  }

  public Facts of(String userId, String roomId, Supplier<Facts> read) {
    long now = System.currentTimeMillis();
    Map<String, Kept> theirs = people.get(userId);
    Kept kept = theirs == null ? null : theirs.get(roomId);
    if (kept != null && kept.until() > now) {
      return kept.facts();
    }
    long before = changes.get();
    Facts facts = read.get();
    if (live != null && live.receiving() && changes.get() == before) {
      if (people.size() >= MAX_PEOPLE) {
        people.clear(); // bounded memory; the people active now refill it at once
      }
      people
          .computeIfAbsent(userId, id -> new ConcurrentHashMap<>())
          .put(roomId, new Kept(facts, now + TTL_MILLIS));
    }
    return facts;
  }

  /**
   * A person may now do more (joined somewhere, unbanned): forgotten here at once, and on the other
   * instances when they hear it.
   */
  public void grew(String userId) {
    forgetPerson(userId);
    events.publishJson(
        CHANNEL, JSON.createObjectBuilder().add("userId", userId).build().toString());
  }

  void joined(@Observes MemberJoined joined) {
    grew(joined.userId());
  }

  /** Access taken away: this instance's revocations are observed before they are published. */
  public void revoked(@Observes Revocation revocation) {
    if (revocation.userId() != null) {
      forgetPerson(revocation.userId());
    } else if (revocation.roomId() != null) {
      forgetRoom(revocation.roomId());
    }
  }

  private void heard(LiveSubscription.Live event) {
    if (Revocation.CHANNEL.equals(event.channel())) {
      revoked(Revocation.parse(event.dataJson()));
    } else if (CHANNEL.equals(event.channel())) {
      try (var reader = JSON.createReader(new StringReader(event.dataJson()))) {
        forgetPerson(reader.readObject().getString("userId"));
      }
    }
  }

  private void forgetPerson(String userId) {
    changes.incrementAndGet();
    people.remove(userId);
  }

  private void forgetRoom(String roomId) {
    changes.incrementAndGet();
    people.values().forEach(theirs -> theirs.remove(roomId));
  }
}
