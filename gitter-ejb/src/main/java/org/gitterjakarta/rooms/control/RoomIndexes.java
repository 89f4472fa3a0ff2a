package org.gitterjakarta.rooms.control;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/** Room lookups by uri and by community; memberships by room and by user. */
@ApplicationScoped
public class RoomIndexes {

  void create(@Observes @Initialized(ApplicationScoped.class) Object started, MongoDatabase db) {
    var rooms = db.getCollection("troupes");
    // uris are kept unique by urilookups: one-to-one rooms have none, and null keys would
    // collide in a unique index
    rooms.createIndex(Indexes.ascending("lcUri"));
    rooms.createIndex(Indexes.ascending("groupId"));
    rooms.createIndex(
        Indexes.compoundIndex(
            Indexes.ascending("security", "noindex"), Indexes.descending("createdAt")));
    rooms.createIndex(Indexes.ascending("tags"));
    var members = db.getCollection("troupeusers");
    members.createIndex(Indexes.ascending("troupeId", "userId"), new IndexOptions().unique(true));
    members.createIndex(Indexes.ascending("userId"));
    // a deleted room frees every address it had (renames keep the old ones)
    db.getCollection("urilookups").createIndex(Indexes.ascending("troupeId"));
  }
}
