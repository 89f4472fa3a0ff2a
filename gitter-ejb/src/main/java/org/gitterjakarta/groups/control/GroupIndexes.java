package org.gitterjakarta.groups.control;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/** One community per uri, whatever its case; a person's favourite communities found by person. */
@ApplicationScoped
public class GroupIndexes {

  void create(@Observes @Initialized(ApplicationScoped.class) Object started, MongoDatabase db) {
    db.getCollection("groups")
        .createIndex(Indexes.ascending("lcUri"), new IndexOptions().unique(true));
    db.getCollection("groupfavourites").createIndex(Indexes.ascending("userId"));
  }
}
