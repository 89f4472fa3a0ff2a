package org.gitterjakarta.web.chat;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.gitterjakarta.messages.boundary.ChatMessageJson;
import org.gitterjakarta.messages.boundary.HistoryQuery;
import org.gitterjakarta.messages.boundary.Messages;
import org.gitterjakarta.presence.boundary.Presence;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Memberships;
import org.gitterjakarta.rooms.boundary.NotificationSettings;
import org.gitterjakarta.rooms.boundary.RoomJson;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.boundary.WelcomeMessages;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.web.pages.Responses;
import org.gitterjakarta.web.security.WebSession;

/**
 * The chat screen of one room: the room, its latest messages rendered on the server, its people;
 * the page's script keeps them live through the API and Bayeux. A room the person may not read is
 * "not found", as in the API. View-scoped, so a postback (joining) still knows its room.
 */
@Named
@ViewScoped
public class ChatRoom implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  static final int PAGE = 50;

  @Inject WebSession session;
  @Inject transient Rooms rooms;
  @Inject transient Messages messages;
  @Inject transient Memberships memberships;
  @Inject transient FacesContext faces;
  @Inject transient NotificationSettings notifications;
  @Inject transient Presence presence;
  @Inject transient WelcomeMessages welcome;
  @Inject transient org.gitterjakarta.web.menu.RoomMenu menu;

  private String id;
  private String mode;
  private String uri;
  private String at;
  private transient RoomJson room;
  private transient List<ChatMessageJson> history;
  private transient String firstUnreadId;

  /**
   * Runs before rendering (f:viewAction), and on postbacks when first needed: 404 if unreadable.
   */
  public void load() {
    if (room != null) {
      return;
    }
    try {
      if (id == null && uri != null && uri.contains("/")) {
        id = rooms.resolve(session.userId(), uri).id();
      }
      room = rooms.view(session.userId(), rooms.readable(session.userId(), id), true);
    } catch (Problem refused) {
      Responses.notFound(faces);
    }
  }

  public String join() {
    try {
      memberships.join(session.userId(), id);
    } catch (Problem refused) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
      return null;
    }
    return "/room.xhtml?faces-redirect=true&id=" + id;
  }

  /** The person's notification mode here. */
  public String getMode() {
    if (mode == null) {
      mode = notifications.get(session.userId(), id).mode();
    }
    return mode;
  }

  public void setMode(String mode) {
    this.mode = mode;
  }

  public String saveMode() {
    try {
      notifications.change(session.userId(), id, mode);
      faces.addMessage(null, new FacesMessage("Notifications: " + mode));
    } catch (Problem refused) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
    }
    return null;
  }

  /** Favourites go last in the menu's order; unfavouriting keeps the membership. */
  public String toggleFavourite() {
    load();
    int position = room.favourite() != null ? 0 : menu.getSections().nextFavourite();
    try {
      memberships.update(session.userId(), id, position, false);
    } catch (Problem refused) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
      return null;
    }
    return "/room.xhtml?faces-redirect=true&id=" + id;
  }

  public String leave() {
    memberships.remove(session.userId(), id, session.userId());
    return "/rooms.xhtml?faces-redirect=true";
  }

  public List<ChatMessageJson> getMessages() {
    if (history == null) {
      try {
        history =
            messages.history(
                session.userId(), id, new HistoryQuery(PAGE, null, null, null, at, false));
      } catch (Problem unknownPermalink) {
        // a permalink to a message that is not (or no longer) there opens the room at its end
        history = messages.history(session.userId(), id, HistoryQuery.latest());
      }
    }
    return history;
  }

  /**
   * The room's welcome message (sanitised HTML), shown to people who have not joined yet, as Gitter
   * showed it on joining; null when there is none or the person is a member.
   */
  public String getWelcome() {
    if (getRoom() == null || room.roomMember() || session.userId() == null) {
      return null;
    }
    try {
      var message = welcome.get(session.userId(), room.id()).welcomeMessage();
      return message == null || message.html() == null || message.html().isBlank()
          ? null
          : message.html();
    } catch (Problem cannotJoin) {
      return null;
    }
  }

  /** Who is looking at the room now (presence), for the people list's dots. */
  public java.util.Set<String> getInRoom() {
    return presence.inRoom(getRoom().id());
  }

  public List<UserJson> getPeople() {
    return memberships.members(session.userId(), id, 0, 30);
  }

  /** The oldest unread message of the page gets the "new messages" marker. */
  public boolean isFirstUnread(ChatMessageJson message) {
    if (firstUnreadId == null) {
      firstUnreadId =
          getMessages().stream()
              .filter(m -> Boolean.TRUE.equals(m.unread()))
              .map(ChatMessageJson::id)
              .findFirst()
              .orElse("");
    }
    return firstUnreadId.equals(message.id());
  }

  /** The sender's display name of a message in the list. */
  public String senderName(ChatMessageJson message) {
    return message.fromUser() instanceof UserJson user ? user.displayName() : "";
  }

  public String senderId(ChatMessageJson message) {
    return message.fromUser() instanceof UserJson user ? user.id() : "";
  }

  public String senderUsername(ChatMessageJson message) {
    return message.fromUser() instanceof UserJson user ? user.username() : "";
  }

  public RoomJson getRoom() {
    load();
    return room;
  }

  public String getUri() {
    return uri;
  }

  public void setUri(String uri) {
    this.uri = uri;
  }

  public String getAt() {
    return at;
  }

  public void setAt(String at) {
    this.at = at;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
