package org.gitterjakarta.portability.control;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * A room's members a batch at a time, for its export. A membership's id is {@code
 * <roomId>:<userId>}, so a room's members are one range of the primary key, read in key order.
 */
@ApplicationScoped
public class MemberPages {

  @Inject MongoDatabase database;

  /** Up to {@code limit} members' user ids after {@code afterUserId} ({@code null}: the first). */
  public List<String> userIds(String roomId, String afterUserId, int limit) {
    String after = roomId + ":" + (afterUserId == null ? "" : afterUserId);
    List<String> ids = new ArrayList<>();
    database
        .getCollection("troupeusers")
        .find(and(gt("_id", after), lt("_id", roomId + ";")))
        .sort(Sorts.ascending("_id"))
        .limit(limit)
        .projection(Projections.include("userId"))
        .forEach(d -> ids.add(d.getString("userId")));
    return ids;
  }
}
