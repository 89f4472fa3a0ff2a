package org.gitterjakarta.web.chat;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.gitterjakarta.communities.boundary.Groups;
import org.gitterjakarta.groups.entity.Group;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.roomviews.boundary.RoomJson;
import org.gitterjakarta.roomviews.boundary.RoomViews;
import org.gitterjakarta.web.pages.Responses;
import org.gitterjakarta.web.security.WebSession;

/**
 * A community's home at {@code /<community>}: its name and the rooms the visitor may read, each
 * with its topic and size, linking to the rooms' addresses.
 */
@Named
@RequestScoped
public class CommunityHome {

  @Inject WebSession session;

  @Inject RoomViews roomViews;
  @Inject Groups groups;
  @Inject Rooms rooms;
  @Inject FacesContext faces;

  private String uri;
  private Group community;
  private List<RoomJson> communityRooms;

  /** f:viewAction: 404 for a community that does not exist. */
  public void load() {
    community = groups.findByUri(uri).orElse(null);
    if (community == null) {
      Responses.notFound(faces);
      return;
    }
    if (!community.lcUri().equals(uri.toLowerCase(java.util.Locale.ROOT))) {
      Responses.redirect(faces, "/" + community.uri()); // a renamed community's old address
      return;
    }
    communityRooms =
        roomViews.listed(session.userId(), groups.roomsOf(session.userId(), community.id()));
  }

  public Group getCommunity() {
    return community;
  }

  public List<RoomJson> getRooms() {
    return communityRooms;
  }

  public String getUri() {
    return uri;
  }

  public void setUri(String uri) {
    this.uri = uri;
  }
}
