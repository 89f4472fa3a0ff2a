package org.gitterjakarta.web.chat;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.gitterjakarta.communities.boundary.Groups;
import org.gitterjakarta.communities.boundary.NewCommunity;
import org.gitterjakarta.groups.entity.Group;
import org.gitterjakarta.rooms.boundary.NewRoom;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.entity.RoomSecurity;
import org.gitterjakarta.web.pages.PageMessages;
import org.gitterjakarta.web.security.WebSession;

/**
 * The signed-in home: the person's rooms (the left menu), a new community, a new room in a
 * community they administer.
 */
@Named
@RequestScoped
public class Lobby {

  @Inject WebSession session;
  @Inject Rooms rooms;
  @Inject Groups groups;
  @Inject PageMessages page;

  @NotBlank(message = "Choose an address for the community")
  private String communityUri;

  private String communityName;
  private String roomCommunity;
  private String roomName;
  private String roomTopic;
  private RoomSecurity roomSecurity = RoomSecurity.PUBLIC;
  private List<Group> administered;

  /** Communities where the person may create rooms. */
  public List<Group> getAdministered() {
    if (administered == null) {
      administered =
          groups.forUser(session.userId()).stream()
              .filter(group -> group.isAdmin(session.userId()))
              .toList();
    }
    return administered;
  }

  public String createRoom() {
    return page.attempt(
        () -> {
          var created =
              rooms.create(
                  session.userId(), roomCommunity, new NewRoom(roomName, roomTopic, roomSecurity));
          return "/room.xhtml?faces-redirect=true&id=" + created.id();
        },
        null);
  }

  public String createCommunity() {
    return page.attempt(
        () -> {
          var created =
              groups.create(session.userId(), new NewCommunity(communityUri, communityName, null));
          return "/room.xhtml?faces-redirect=true&id=" + created.defaultRoom().id();
        },
        null);
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

  public String getRoomCommunity() {
    return roomCommunity;
  }

  public void setRoomCommunity(String roomCommunity) {
    this.roomCommunity = roomCommunity;
  }

  public String getRoomName() {
    return roomName;
  }

  public void setRoomName(String roomName) {
    this.roomName = roomName;
  }

  public String getRoomTopic() {
    return roomTopic;
  }

  public void setRoomTopic(String roomTopic) {
    this.roomTopic = roomTopic;
  }

  public RoomSecurity getRoomSecurity() {
    return roomSecurity;
  }

  public void setRoomSecurity(RoomSecurity roomSecurity) {
    this.roomSecurity = roomSecurity;
  }
}
