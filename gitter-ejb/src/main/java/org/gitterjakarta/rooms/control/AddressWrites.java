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
    return database
            .getCollection("troupes")
            .updateOne(
                and(eq("_id", read.id()), eq("_tv", read.v())),
                Updates.combine(
                    Updates.set("name", renamed.name()),
                    Updates.set("uri", renamed.uri()),
                    Updates.set("lcUri", renamed.lcUri()),
                    Updates.inc("_tv", 1)))
            .getModifiedCount()
        == 1;
  }

  public boolean community(Group read, Group renamed) {
    return database
            .getCollection("groups")
            .updateOne(
                and(eq("_id", read.id()), eq("_tv", read.v())),
                Updates.combine(
                    Updates.set("name", renamed.name()),
                    Updates.set("uri", renamed.uri()),
                    Updates.set("lcUri", renamed.lcUri()),
                    Updates.inc("_tv", 1)))
            .getModifiedCount()
        == 1;
  }
}
