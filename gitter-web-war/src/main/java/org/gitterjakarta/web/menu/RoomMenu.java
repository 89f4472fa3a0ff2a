package org.gitterjakarta.web.menu;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.gitterjakarta.rooms.boundary.Memberships;
import org.gitterjakarta.web.security.WebSession;

/** The signed-in person's rooms for the left menu, read once per request. */
@Named
@RequestScoped
public class RoomMenu {

  @Inject WebSession session;
  @Inject Memberships memberships;

  private MenuSections sections;

  public MenuSections getSections() {
    if (sections == null) {
      sections =
          session.signedIn()
              ? MenuSections.of(memberships.roomsOf(session.userId()))
              : MenuSections.of(java.util.List.of());
    }
    return sections;
  }

  public boolean hasRooms() {
    MenuSections all = getSections();
    return !(all.favourites().isEmpty() && all.unread().isEmpty() && all.recent().isEmpty());
  }
}
