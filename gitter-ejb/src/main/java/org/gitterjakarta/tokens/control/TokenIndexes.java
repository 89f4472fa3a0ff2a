package org.gitterjakarta.tokens.control;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/** Lookup by hash (every authenticated request on a cache miss) and listing per user. */
@ApplicationScoped
public class TokenIndexes {

  void create(@Observes @Initialized(ApplicationScoped.class) Object started, MongoDatabase db) {
    var tokens = db.getCollection("oauthaccesstokens");
    tokens.createIndex(Indexes.ascending("tokenHash"), new IndexOptions().unique(true));
    tokens.createIndex(Indexes.ascending("userId", "clientId"));
  }
}
