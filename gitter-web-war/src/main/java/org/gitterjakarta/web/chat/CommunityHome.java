package org.gitterjakarta.web.chat;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.gitterjakarta.communities.boundary.CommunityRenames;
import org.gitterjakarta.communities.boundary.Groups;
import org.gitterjakarta.groups.entity.Group;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.roomviews.boundary.RoomJson;
import org.gitterjakarta.roomviews.boundary.RoomViews;
import org.gitterjakarta.web.pages.PageMessages;
import org.gitterjakarta.web.pages.Responses;
import org.gitterjakarta.web.security.WebSession;

/**
 * A community's home at {@code /<community>}: its name and the rooms the visitor may read, each
 * with its topic and size, linking to the rooms' addresses; for its admins, a rename form (the old
 * address keeps leading here).
 */
@Named
@RequestScoped
public class CommunityHome {

  @Inject WebSession session;

  @Inject RoomViews roomViews;
  @Inject Groups groups;
  @Inject Rooms rooms;
  @Inject FacesContext faces;

  @Inject CommunityRenames renames;
  @Inject PageMessages page;

  private String uri;
  private Group community;
  private List<RoomJson> communityRooms;
  private String newName;
  private String newUri;

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
    newName = community.name();
    newUri = community.uri();
  }

  /** Its admins see the rename form. */
  public boolean isAdmin() {
    return community != null && community.isAdmin(session.userId());
  }

  /** Renames (admins only, checked again by the boundary), then shows the new address. */
  public void rename() {
    Group current = groups.findByUri(uri).orElse(null);
    if (current == null) {
      Responses.notFound(faces);
      return;
    }
    String name = newName == null || newName.isBlank() ? null : newName;
    String address = newUri == null || newUri.isBlank() ? null : newUri;
    Group[] renamed = new Group[1];
    if (page.attempt(
        () -> renamed[0] = renames.rename(session.userId(), current.id(), name, address))) {
      Responses.redirect(faces, "/" + renamed[0].uri());
      return;
    }
    community = current;
    communityRooms =
        roomViews.listed(session.userId(), groups.roomsOf(session.userId(), community.id()));
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }

  public String getNewUri() {
    return newUri;
  }

  public void setNewUri(String newUri) {
    this.newUri = newUri;
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
