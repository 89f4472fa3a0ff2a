package org.gitterjakarta.roomviews.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gitterjakarta.communities.boundary.Groups;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.entity.Room;

/**
 * Rooms to suggest to a person: rooms they may read and have not joined, at most {@value #MAX}.
 * Gitter ranked them by a graph of who is in which room; here, a room's own community comes first,
 * then the newest listed public rooms.
 */
@Stateless
public class SuggestedRooms {

  static final int MAX = 12;
  static final int CANDIDATES = 100;

  @Inject RoomViews views;
  @Inject Rooms rooms;
  @Inject Groups groups;

  public List<RoomJson> forUser(String userId) {
    return unjoined(views.explore(userId, CANDIDATES), null);
  }

  /** For the reader of a room: its community's other rooms, then listed public ones. */
  public List<RoomJson> forRoom(String userId, String roomId) {
    Room room = rooms.readable(userId, roomId);
    List<RoomJson> candidates = new ArrayList<>();
    if (room.groupId() != null) {
      candidates.addAll(views.listed(userId, groups.roomsOf(userId, room.groupId())));
    }
    candidates.addAll(views.explore(userId, CANDIDATES));
    return unjoined(candidates, room.id());
  }

  public List<RoomJson> forGroup(String userId, String groupId) {
    return unjoined(views.listed(userId, groups.roomsOf(userId, groupId)), null);
  }

  private static List<RoomJson> unjoined(List<RoomJson> candidates, String except) {
    Set<String> seen = new HashSet<>();
    return candidates.stream()
        .filter(room -> !room.roomMember() && !room.id().equals(except) && seen.add(room.id()))
        .limit(MAX)
        .toList();
  }
}
