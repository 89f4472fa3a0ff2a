package org.gitterjakarta.web.chat;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.gitterjakarta.moderation.boundary.BanJson;
import org.gitterjakarta.moderation.boundary.Bans;
import org.gitterjakarta.moderation.boundary.RoomAdmins;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.RoomChanges;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.boundary.WelcomeMessages;
import org.gitterjakarta.roomviews.boundary.RoomJson;
import org.gitterjakarta.roomviews.boundary.RoomViews;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.users.boundary.Users;
import org.gitterjakarta.web.pages.PageMessages;
import org.gitterjakarta.web.pages.Responses;
import org.gitterjakarta.web.security.WebSession;

/**
 * A room's settings for its admins: its name (a rename keeps the old address leading here), topic,
 * tags, search-engine indexing, welcome message, extra admins, bans, deletion. Everyone else gets
 * "not found"; every change is checked again by the boundaries.
 */
@Named
@ViewScoped
public class RoomAdministration implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject WebSession session;

  @Inject RoomViews roomViews;
  @Inject transient Rooms rooms;
  @Inject transient WelcomeMessages welcome;
  @Inject transient RoomAdmins admins;
  @Inject transient Bans bans;
  @Inject transient Users users;
  @Inject PageMessages page;

  private String id;
  private String name;
  private String topic;
  private String tags;
  private boolean noindex;
  private String welcomeText;
  private String newAdmin;
  private transient RoomJson room;

  /** f:viewAction: only the room's admins may see this page. */
  public void load() {
    try {
      room = roomViews.view(session.userId(), rooms.readable(session.userId(), id), true);
      if (room.permissions() == null || !room.permissions().admin()) {
        throw Problem.notFound("Room not found");
      }
      name = room.uri() == null ? null : room.uri().substring(room.uri().lastIndexOf('/') + 1);
      topic = room.topic();
      tags = String.join(", ", room.tags());
      noindex = room.noindex();
      var message = welcome.get(session.userId(), id).welcomeMessage();
      welcomeText = message == null || message.text() == null ? "" : message.text();
    } catch (Problem refused) {
      Responses.notFound(FacesContext.getCurrentInstance());
    }
  }

  public void saveDetails() {
    run(
        () -> {
          List<String> tagList =
              Arrays.stream(tags == null ? new String[0] : tags.split(","))
                  .map(String::strip)
                  .filter(t -> !t.isEmpty())
                  .toList();
          String newName = name == null || name.isBlank() ? null : name.strip();
          var updated =
              rooms.update(session.userId(), id, new RoomChanges(topic, tagList, noindex, newName));
          welcome.set(session.userId(), id, welcomeText == null ? "" : welcomeText);
          room = roomViews.view(session.userId(), updated, true); // a new name: new links
        },
        "Room settings saved");
  }

  public void addAdmin() {
    run(
        () -> {
          var user =
              users
                  .findByUsername(newAdmin == null ? "" : newAdmin.strip().replaceFirst("^@", ""))
                  .orElseThrow(() -> Problem.notFound("No such person: " + newAdmin));
          admins.addExtraAdmin(session.userId(), id, user.id());
          newAdmin = null;
        },
        "Admin added");
  }

  public void removeAdmin(String userId) {
    run(() -> admins.removeExtraAdmin(session.userId(), id, userId), "Admin removed");
  }

  public void unban(String username) {
    run(() -> bans.unban(session.userId(), id, username), username + " is no longer banned");
  }

  public String delete() {
    if (!page.attempt(() -> rooms.delete(session.userId(), id))) {
      return null;
    }
    return "/rooms.xhtml?faces-redirect=true";
  }

  public List<UserJson> getExtraAdmins() {
    return admins.extraAdmins(session.userId(), id);
  }

  public List<BanJson> getBans() {
    return bans.list(session.userId(), id);
  }

  private void run(Runnable change, String done) {
    if (page.attempt(change)) {
      page.info(done);
    }
  }

  public RoomJson getRoom() {
    return room;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTopic() {
    return topic;
  }

  public void setTopic(String topic) {
    this.topic = topic;
  }

  public String getTags() {
    return tags;
  }

  public void setTags(String tags) {
    this.tags = tags;
  }

  public boolean isNoindex() {
    return noindex;
  }

  public void setNoindex(boolean noindex) {
    this.noindex = noindex;
  }

  public String getWelcomeText() {
    return welcomeText;
  }

  public void setWelcomeText(String welcomeText) {
    this.welcomeText = welcomeText;
  }

  public String getNewAdmin() {
    return newAdmin;
  }

  public void setNewAdmin(String newAdmin) {
    this.newAdmin = newAdmin;
  }
}
