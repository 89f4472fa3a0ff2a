package org.gitterjakarta.rooms.control;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.gitterjakarta.events.entity.Revocation;
import org.gitterjakarta.rooms.entity.MembershipChanged;

/**
 * Who is in a room and their notification flags, for the unread fan-out of every message: read as a
 * projection of two fields (a big room has thousands of members, too many to map into whole
 * memberships) and kept per room for {@link #TTL_MILLIS}, so a busy room is read once rather than
 * once per message. Any membership change of the room, here or heard from another instance ({@link
 * MembershipChanges}), forgets it; a read that overlapped a change is used once, not kept.
 */
@ApplicationScoped
public class MemberFlags {

  static final long TTL_MILLIS = 10_000;
  static final int MAX_ROOMS = 2_000;

  private record Kept(Map<String, Integer> flags, long until) {}

  @Inject MongoDatabase database;

  @Inject MembershipChanges membershipChanges;

  private final Map<String, Kept> rooms = new ConcurrentHashMap<>();
  private final AtomicLong changes = new AtomicLong();

  /** userId → flags of everyone in the room, in no particular order; not to be changed. */
  public Map<String, Integer> of(String roomId) {
    if (!membershipChanges.hearsOthers()) {
      if (!rooms.isEmpty()) {
        changes.incrementAndGet();
        rooms.clear(); // changes made elsewhere meanwhile are not heard
      }
      return Collections.unmodifiableMap(read(roomId));
    }
    long now = System.currentTimeMillis();
    Kept kept = rooms.get(roomId);
    if (kept != null && kept.until() > now) {
      return kept.flags();
    }
    long before = changes.get();
    Map<String, Integer> flags = Collections.unmodifiableMap(read(roomId));
    if (changes.get() == before) {
      if (rooms.size() >= MAX_ROOMS) {
        rooms.clear(); // bounded memory; the busy rooms refill it at once
      }
      Kept fresh = new Kept(flags, now + TTL_MILLIS);
      rooms.put(roomId, fresh);
      if (changes.get() != before) {
        rooms.remove(roomId, fresh); // a change slipped in between the check and the put
      }
    }
    return flags;
  }

  private Map<String, Integer> read(String roomId) {
    Map<String, Integer> flags = new LinkedHashMap<>();
    for (Document member :
        database
            .getCollection("troupeusers")
            .find(Filters.eq("troupeId", roomId))
            .projection(
                Projections.fields(Projections.include("userId", "flags"), Projections.excludeId()))
            .batchSize(5000)) {
      Number value = member.get("flags", Number.class);
      flags.put(member.getString("userId"), value == null ? 0 : value.intValue());
    }
    return flags;
  }

  void changed(@Observes MembershipChanged change) {
    forget(change.roomId());
  }

  void revoked(@Observes Revocation revocation) {
    if (revocation.roomId() != null) {
      forget(revocation.roomId());
    } else if (revocation.userId() != null) {
      changes.incrementAndGet();
      rooms.clear(); // a deleted account left every room it was in
    }
  }

  private void forget(String roomId) {
    changes.incrementAndGet();
    rooms.remove(roomId);
  }
}
