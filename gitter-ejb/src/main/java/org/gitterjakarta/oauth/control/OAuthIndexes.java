package org.gitterjakarta.oauth.control;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/** Clients by key (every token exchange) and by owner (the developer page). */
@ApplicationScoped
public class OAuthIndexes {

  void create(@Observes @Initialized(ApplicationScoped.class) Object started, MongoDatabase db) {
    var clients = db.getCollection("oauthclients");
    clients.createIndex(Indexes.ascending("clientKey"), new IndexOptions().unique(true));
    clients.createIndex(Indexes.ascending("ownerUserId"));
  }
}
