package org.gitterjakarta.rooms.control;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gitterjakarta.groups.entity.Group;
import org.gitterjakarta.rooms.entity.Room;

/**
 * Renames write the name and address fields only, and only over the version they read: a whole
 * document written back from a copy read earlier would undo what changed meanwhile (an admin
 * removed, a topic set). False when the record changed since it was read.
 */
@ApplicationScoped
public class AddressWrites {

  @Inject MongoDatabase database;

  public boolean room(Room read, Room renamed) {
    return write("troupes", read.id(), read.v(), renamed.name(), renamed.uri(), renamed.lcUri());
  }

  public boolean community(Group read, Group renamed) {
    return write("groups", read.id(), read.v(), renamed.name(), renamed.uri(), renamed.lcUri());
  }

  private boolean write(
      String collection, String id, long readVersion, String name, String uri, String lcUri) {
    return database
            .getCollection(collection)
            .updateOne(
                and(eq("_id", id), eq("_tv", readVersion)),
                Updates.combine(
                    Updates.set("name", name),
                    Updates.set("uri", uri),
                    Updates.set("lcUri", lcUri),
                    Updates.inc("_tv", 1)))
            .getModifiedCount()
        == 1;
  }
}
