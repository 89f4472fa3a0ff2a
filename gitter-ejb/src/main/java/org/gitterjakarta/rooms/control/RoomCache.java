package org.gitterjakarta.rooms.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.gitterjakarta.groups.entity.Group;
import org.gitterjakarta.mongo.control.LocalCache;
import org.gitterjakarta.rooms.entity.Room;

/**
 * Rooms and communities by id for a few seconds: every message sent and every page read decides
 * access from them. Memberships and bans are never cached: they change who may do what at once.
 */
@ApplicationScoped
public class RoomCache {

  private final LocalCache<Room> rooms = new LocalCache<>(5_000, 20_000);

  /** Communities are never changed after they are created. */
  private final LocalCache<Group> groups = new LocalCache<>(60_000, 20_000);

  public LocalCache<Room> rooms() {
    return rooms;
  }

  public LocalCache<Group> groups() {
    return groups;
  }
}
