package org.gitterjakarta.rooms.control;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How many people are in each of many rooms, in one aggregation over the troupeId index. */
@ApplicationScoped
public class MemberCounts {

  @Inject MongoDatabase database;

  public Map<String, Long> of(Collection<String> roomIds) {
    Map<String, Long> counts = new HashMap<>();
    if (roomIds.isEmpty()) {
      return counts;
    }
    database
        .getCollection("troupeusers")
        .aggregate(
            List.of(
                Aggregates.match(Filters.in("troupeId", roomIds)),
                Aggregates.group("$troupeId", Accumulators.sum("people", 1))))
        .forEach(d -> counts.put(d.getString("_id"), d.get("people", Number.class).longValue()));
    return counts;
  }
}
