package org.gitterjakarta.integrations.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.gitterjakarta.integrations.control.EventStore;
import org.gitterjakarta.rooms.boundary.Rooms;

/** A room's activity feed for whoever may read the room, newest first (Gitter's order). */
@Stateless
public class RoomEvents {

  /** What a realtime subscriber gets in its snapshot, as Gitter. */
  public static final int SNAPSHOT = 20;

  @Inject Rooms rooms;
  @Inject EventStore events;

  public List<EventJson> list(String userId, String roomId, int skip, int limit, String beforeId) {
    String readable = rooms.readable(userId, roomId).id();
    return events.page(readable, beforeId, skip, limit).stream().map(EventJson::of).toList();
  }

  public List<EventJson> latest(String userId, String roomId) {
    return list(userId, roomId, 0, SNAPSHOT, null);
  }
}
