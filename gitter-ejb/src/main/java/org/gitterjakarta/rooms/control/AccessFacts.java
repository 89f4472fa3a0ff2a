package org.gitterjakarta.rooms.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.gitterjakarta.events.entity.Revocation;
import org.gitterjakarta.rooms.entity.MembershipChanged;

/**
 * What a person's rights in a room are decided from besides the room and its community: banned,
 * member, in the room's community. Every request about a room needs them, so this instance keeps
 * them for {@link #TTL_MILLIS}. Any change of the person's memberships or bans, made here or heard
 * from another instance ({@link MembershipChanges}), forgets the person; a room revoked for all
 * (deleted, made private, moved) forgets everyone, since it may change who is in its community. The
 * time to live bounds what a lost event can keep wrong. Nothing is kept while this instance hears
 * no live events, and a read that overlapped a change is used once, not kept.
 */
@ApplicationScoped
public class AccessFacts {

  static final long TTL_MILLIS = 10_000;
  static final int MAX_PEOPLE = 20_000;

  /** What was read about one person in one room. */
  public record Facts(boolean banned, boolean member, boolean inCommunity) {}

  private record Kept(Facts facts, long until) {}

  @Inject MembershipChanges membershipChanges;

  /** userId → roomId → facts: a person's change forgets all of theirs in one step. */
  private final Map<String, Map<String, Kept>> people = new ConcurrentHashMap<>();

  /** Counts every forgetting: a read that started before one is not kept. */
  private final AtomicLong changes = new AtomicLong();

  public Facts of(String userId, String roomId, Supplier<Facts> read) {
    if (!membershipChanges.hearsOthers()) {
      forgetAll(); // changes made elsewhere meanwhile are not heard: what is kept may be wrong
      return read.get();
    }
    long now = System.currentTimeMillis();
    Map<String, Kept> theirs = people.get(userId);
    Kept kept = theirs == null ? null : theirs.get(roomId);
    if (kept != null && kept.until() > now) {
      return kept.facts();
    }
    long before = changes.get();
    Facts facts = read.get();
    if (changes.get() == before) {
      if (people.size() >= MAX_PEOPLE) {
        people.clear(); // bounded memory; the people active now refill it at once
      }
      Map<String, Kept> room = people.computeIfAbsent(userId, id -> new ConcurrentHashMap<>());
      Kept fresh = new Kept(facts, now + TTL_MILLIS);
      room.put(roomId, fresh);
      if (changes.get() != before) {
        room.remove(roomId, fresh); // a change slipped in between the check and the put
      }
    }
    return facts;
  }

  private void forgetAll() {
    if (!people.isEmpty()) {
      changes.incrementAndGet();
      people.clear();
    }
  }

  void changed(@Observes MembershipChanged change) {
    forgetPerson(change.userId());
  }

  /** Access taken away, here or on another instance; live paths call it before checking again. */
  public void revoked(@Observes Revocation revocation) {
    if (revocation.userId() != null) {
      forgetPerson(revocation.userId());
    } else if (revocation.roomId() != null) {
      // a room deleted, made private or moved: rare, and it may change who is in its community
      changes.incrementAndGet();
      people.clear();
    }
  }

  private void forgetPerson(String userId) {
    changes.incrementAndGet();
    people.remove(userId);
  }
}
