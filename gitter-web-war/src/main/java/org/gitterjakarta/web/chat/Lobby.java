package org.gitterjakarta.web.chat;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.gitterjakarta.groups.boundary.Groups;
import org.gitterjakarta.groups.boundary.NewCommunity;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Memberships;
import org.gitterjakarta.rooms.boundary.RoomJson;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.web.security.WebSession;

/** The signed-in home: the person's rooms with their badges, room search, a new community. */
@Named
@RequestScoped
public class Lobby {

  @Inject WebSession session;
  @Inject Memberships memberships;
  @Inject Rooms rooms;
  @Inject Groups groups;
  @Inject FacesContext faces;

  @NotBlank(message = "Choose an address for the community")
  private String communityUri;

  private String communityName;
  private String query;
  private List<RoomJson> found;

  public List<RoomJson> getRooms() {
    return memberships.roomsOf(session.userId());
  }

  public List<RoomJson> getFound() {
    if (found == null && query != null && !query.isBlank()) {
      try {
        found = rooms.search(session.userId(), query, 0, 20);
      } catch (Problem refused) {
        faces.addMessage(null, new FacesMessage(refused.getMessage()));
        found = List.of();
      }
    }
    return found == null ? List.of() : found;
  }

  public String createCommunity() {
    try {
      var created =
          groups.create(session.userId(), new NewCommunity(communityUri, communityName, null));
      return "/room.xhtml?faces-redirect=true&id=" + created.defaultRoom().id();
    } catch (Problem refused) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
      return null;
    }
  }

  public String getCommunityUri() {
    return communityUri;
  }

  public void setCommunityUri(String communityUri) {
    this.communityUri = communityUri;
  }

  public String getCommunityName() {
    return communityName;
  }

  public void setCommunityName(String communityName) {
    this.communityName = communityName;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }
}
