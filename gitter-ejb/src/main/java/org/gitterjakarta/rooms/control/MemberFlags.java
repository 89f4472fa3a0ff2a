package org.gitterjakarta.rooms.control;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;

/**
 * Who is in a room and their notification flags, read as a projection of two fields: the unread
 * fan-out runs for every message and a big room has thousands of members, too many to map into
 * whole memberships each time.
 */
@ApplicationScoped
public class MemberFlags {

  @Inject MongoDatabase database;

  /** userId → flags of everyone in the room, in no particular order. */
  public Map<String, Integer> of(String roomId) {
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
}
