package org.gitterjakarta.users.control;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.gitterjakarta.users.entity.AccountRemoved;

/**
 * Gitter's usersettings collection: one document per person ({@code _id} is the user id) with the
 * free-form values under {@code settings}. Values are plain JSON-like Java values (maps, lists,
 * strings, numbers, booleans).
 */
@ApplicationScoped
public class SettingsStore {

  @Inject MongoDatabase database;

  private MongoCollection<Document> settings;

  @PostConstruct
  void open() {
    settings = database.getCollection("usersettings");
  }

  public Optional<Object> value(String userId, String key) {
    Document found = settings.find(eq("_id", userId)).first();
    return Optional.ofNullable(found)
        .map(d -> d.get("settings", Document.class))
        .map(s -> s.get(key));
  }

  /** Sets the given keys, leaving the others as they are. */
  public void put(String userId, Map<String, Object> values) {
    if (values.isEmpty()) {
      return;
    }
    var updates =
        values.entrySet().stream()
            .map(e -> Updates.set("settings." + e.getKey(), e.getValue()))
            .toList();
    settings.updateOne(
        eq("_id", userId),
        Updates.combine(Updates.combine(updates), Updates.setOnInsert("userId", userId)),
        new UpdateOptions().upsert(true));
  }

  void forget(@Observes AccountRemoved removed) {
    settings.deleteOne(eq("_id", removed.userId()));
  }
}
