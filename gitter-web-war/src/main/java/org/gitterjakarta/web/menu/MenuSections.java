package org.gitterjakarta.web.menu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gitterjakarta.roomviews.boundary.RoomJson;

/**
 * Gitter's left menu order: favourites by their position, then rooms with something unread, then
 * the rest by last access, newest first.
 */
public record MenuSections(
    List<RoomJson> favourites, List<RoomJson> unread, List<RoomJson> recent) {

  /** Recent rooms beyond this many are left out; they are one search away. */
  static final int MAX_RECENT = 30;

  public static MenuSections of(List<RoomJson> rooms) {
    List<RoomJson> favourites = new ArrayList<>();
    List<RoomJson> unread = new ArrayList<>();
    List<RoomJson> recent = new ArrayList<>();
    for (RoomJson room : rooms) {
      if (room.favourite() != null) {
        favourites.add(room);
      } else if (room.unreadItems() > 0 || room.mentions() > 0) {
        unread.add(room);
      } else {
        recent.add(room);
      }
    }
    favourites.sort(Comparator.comparing(RoomJson::favourite));
    Comparator<RoomJson> newestFirst =
        Comparator.comparing(
                RoomJson::lastAccessTime, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(RoomJson::name, Comparator.nullsLast(Comparator.naturalOrder()));
    unread.sort(newestFirst);
    recent.sort(newestFirst);
    return new MenuSections(
        favourites, unread, recent.subList(0, Math.min(recent.size(), MAX_RECENT)));
  }

  /** The next favourite position: after the last one. */
  public int nextFavourite() {
    return favourites.isEmpty() ? 1 : favourites.get(favourites.size() - 1).favourite() + 1;
  }
}
