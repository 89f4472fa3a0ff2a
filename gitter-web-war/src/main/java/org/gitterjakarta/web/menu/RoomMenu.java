package org.gitterjakarta.web.menu;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gitterjakarta.memberships.boundary.Memberships;
import org.gitterjakarta.roomviews.boundary.RoomViews;
import org.gitterjakarta.web.security.WebSession;

/** The signed-in person's rooms for the left menu, read once per request. */
@Named
@RequestScoped
public class RoomMenu {

  @Inject WebSession session;

  @Inject RoomViews roomViews;
  @Inject Memberships memberships;

  private MenuSections sections;

  public MenuSections getSections() {
    if (sections == null) {
      sections =
          session.signedIn()
              ? MenuSections.of(roomViews.roomsOf(session.userId()))
              : MenuSections.of(java.util.List.of());
    }
    return sections;
  }

  /** The communities of the person's rooms, for the avatars at the top of the left bar. */
  public java.util.List<Community> getCommunities() {
    MenuSections all = getSections();
    var seen = new java.util.LinkedHashMap<String, Community>();
    java.util.stream.Stream.of(all.favourites(), all.unread(), all.recent())
        .flatMap(java.util.List::stream)
        .filter(room -> !Boolean.TRUE.equals(room.oneToOne()) && room.url() != null)
        .forEach(
            room -> {
              String uri = room.url().substring(1).split("/")[0];
              String name = room.name().contains("/") ? room.name().split("/")[0] : uri;
              seen.putIfAbsent(uri, new Community(uri, name));
            });
    return java.util.List.copyOf(seen.values());
  }

  /** A community in the left bar: its address and name. */
  public record Community(String uri, String name) {
    public String initial() {
      return name.isEmpty() ? "#" : name.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
    }
  }

  public boolean hasRooms() {
    MenuSections all = getSections();
    return !(all.favourites().isEmpty() && all.unread().isEmpty() && all.recent().isEmpty());
  }
}
