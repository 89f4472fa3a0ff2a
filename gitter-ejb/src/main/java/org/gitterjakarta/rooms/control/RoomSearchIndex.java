package org.gitterjakarta.rooms.control;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.rooms.entity.RoomDeleted;
import org.gitterjakarta.rooms.entity.RoomSecurity;
import org.gitterjakarta.search.entity.SearchTokens;

/**
 * The room search index ({@code roomsearch}): per community room the search tokens of its community
 * name, uri and topic, and whether anyone may find it. One-to-one rooms are not listed.
 */
@ApplicationScoped
public class RoomSearchIndex {

  @Inject MongoDatabase database;

  private MongoCollection<Document> index;

  @PostConstruct
  void open() {
    index = database.getCollection("roomsearch");
  }

  void createIndexes(@Observes @Initialized(ApplicationScoped.class) Object started) {
    index.createIndex(Indexes.ascending("_st"));
  }

  public void index(Room room, String communityName) {
    if (room.isOneToOne()) {
      return;
    }
    String text = communityName + " " + room.uri() + " " + room.topic();
    index.replaceOne(
        eq("_id", room.id()),
        new Document("_id", room.id())
            .append("_st", SearchTokens.of(text))
            .append("findable", room.security() == RoomSecurity.PUBLIC && !room.noindex()),
        new ReplaceOptions().upsert(true));
  }

  /** Ids of rooms matching every token that anyone may find or that are among {@code own}. */
  public List<String> search(List<String> tokens, Collection<String> own, int skip, int limit) {
    var ids = new ArrayList<String>();
    index
        .find(
            Filters.and(
                Filters.all("_st", tokens),
                Filters.or(eq("findable", true), Filters.in("_id", own))))
        .projection(new Document("_id", 1))
        .skip(skip)
        .limit(limit)
        .forEach(d -> ids.add(d.getString("_id")));
    return ids;
  }

  void remove(@Observes RoomDeleted deleted) {
    index.deleteOne(eq("_id", deleted.roomId()));
  }
}
