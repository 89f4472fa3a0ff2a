package org.gitterjakarta.web.chat;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.gitterjakarta.memberships.boundary.Memberships;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.roomviews.boundary.RoomJson;
import org.gitterjakarta.roomviews.boundary.RoomViews;
import org.gitterjakarta.web.pages.PageMessages;
import org.gitterjakarta.web.security.WebSession;

/**
 * The explore page: public rooms, newest first, or those matching a search; join from there.
 * View-scoped, so a Join posted back finds the room among those the page showed.
 */
@Named
@ViewScoped
public class Explore implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  static final int LISTED = 30;

  @Inject WebSession session;

  @Inject RoomViews roomViews;
  @Inject transient Rooms rooms;
  @Inject transient Memberships memberships;
  @Inject PageMessages page;

  private String query;
  private String tag;
  private transient List<RoomJson> shown;

  public List<RoomJson> getRooms() {
    if (shown == null) {
      if (tag != null && !tag.isBlank()) {
        shown = tagged();
      } else {
        shown = query == null || query.isBlank() ? newest() : matching();
      }
    }
    return shown;
  }

  private List<RoomJson> newest() {
    return roomViews.explore(session.userId(), LISTED);
  }

  private List<RoomJson> matching() {
    return page.attempt(() -> roomViews.search(session.userId(), query, 0, LISTED), List.of());
  }

  private List<RoomJson> tagged() {
    return page.attempt(() -> roomViews.exploreTag(session.userId(), tag, LISTED), List.of());
  }

  public String getTag() {
    return tag;
  }

  public void setTag(String tag) {
    this.tag = tag;
  }

  public String join(String roomId) {
    if (!page.attempt(() -> memberships.join(session.userId(), roomId))) {
      return null;
    }
    return "/room.xhtml?faces-redirect=true&id=" + roomId;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }
}
