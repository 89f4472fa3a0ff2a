package org.gitterjakarta.integrations.control;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gitterjakarta.integrations.entity.ActivityEvent;
import org.gitterjakarta.rooms.entity.RoomDeleted;

/**
 * Gitter's {@code events} collection through the driver: keyset pages on {@code (toTroupeId, _id)}
 * newest first (ids are ObjectId hex strings, so they sort by time). A deleted room's events and
 * integrations go with it.
 */
@ApplicationScoped
public class EventStore {

  @Inject MongoDatabase database;
  @Inject IntegrationRepository integrations;

  @Inject
  @ConfigProperty(name = "gitter.mongo.write-concern")
  String writeConcern;

  private MongoCollection<Document> events;

  @PostConstruct
  void open() {
    events = database.getCollection("events").withWriteConcern(WriteConcern.valueOf(writeConcern));
  }

  void createIndexes(@Observes @Initialized(ApplicationScoped.class) Object started) {
    events.createIndex(
        Indexes.compoundIndex(Indexes.ascending("toTroupeId"), Indexes.descending("_id")));
    var hooks = database.getCollection("integrations");
    hooks.createIndex(Indexes.ascending("secretHash"), new IndexOptions().unique(true));
    hooks.createIndex(Indexes.ascending("troupeId"));
  }

  public void insert(ActivityEvent event) {
    events.insertOne(
        new Document("_id", event.id())
            .append("toTroupeId", event.toTroupeId())
            .append("integrationId", event.integrationId())
            .append("text", event.text())
            .append("html", event.html())
            .append("meta", new Document(new LinkedHashMap<String, Object>(event.meta())))
            .append("sent", event.sent()));
  }

  /** A room's events newest first, before {@code beforeId} when given. */
  public List<ActivityEvent> page(String roomId, String beforeId, int skip, int limit) {
    Bson filter =
        beforeId == null
            ? eq("toTroupeId", roomId)
            : and(eq("toTroupeId", roomId), lt("_id", beforeId));
    var found = new ArrayList<ActivityEvent>();
    events
        .find(filter)
        .sort(Sorts.descending("_id"))
        .skip(skip)
        .limit(limit)
        .forEach(d -> found.add(fromDocument(d)));
    return found;
  }

  public long count(String roomId) {
    return events.countDocuments(eq("toTroupeId", roomId));
  }

  void roomDeleted(@Observes RoomDeleted deleted) {
    events.deleteMany(eq("toTroupeId", deleted.roomId()));
    integrations.findByTroupeId(deleted.roomId()).forEach(integrations::delete);
  }

  private static ActivityEvent fromDocument(Document d) {
    Map<String, String> meta = new LinkedHashMap<>();
    Document stored = d.get("meta", Document.class);
    if (stored != null) {
      stored.forEach((k, v) -> meta.put(k, String.valueOf(v)));
    }
    Number sent = d.get("sent", Number.class);
    return new ActivityEvent(
        d.getString("_id"),
        d.getString("toTroupeId"),
        d.getString("integrationId"),
        d.getString("text"),
        d.getString("html"),
        meta,
        sent == null ? 0 : sent.longValue());
  }
}
