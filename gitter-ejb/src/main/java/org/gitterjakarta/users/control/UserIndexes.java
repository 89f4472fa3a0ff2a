package org.gitterjakarta.users.control;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/** The indexes behind every user query; creating an existing index is a no-op. */
@ApplicationScoped
public class UserIndexes {

  void create(@Observes @Initialized(ApplicationScoped.class) Object started, MongoDatabase db) {
    var users = db.getCollection("users");
    users.createIndex(Indexes.ascending("lcUsername"), new IndexOptions().unique(true));
    users.createIndex(Indexes.ascending("emails"));
  }
}
