package org.gitterjakarta.web.chat;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gitterjakarta.memberships.boundary.Memberships;
import org.gitterjakarta.memberships.boundary.NotificationSettings;
import org.gitterjakarta.messages.boundary.ChatMessageJson;
import org.gitterjakarta.messages.boundary.HistoryQuery;
import org.gitterjakarta.messages.boundary.Messages;
import org.gitterjakarta.presence.boundary.Presence;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.boundary.WelcomeMessages;
import org.gitterjakarta.roomviews.boundary.RoomJson;
import org.gitterjakarta.roomviews.boundary.RoomViews;
import org.gitterjakarta.unread.boundary.UnreadItems;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.web.pages.PageMessages;
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

  @Inject RoomViews roomViews;
  @Inject transient Rooms rooms;
  @Inject transient Messages messages;
  @Inject transient Memberships memberships;
  @Inject transient FacesContext faces;
  @Inject transient NotificationSettings notifications;
  @Inject transient Presence presence;
  @Inject transient WelcomeMessages welcome;
  @Inject transient org.gitterjakarta.web.menu.RoomMenu menu;
  @Inject transient UnreadItems unreadItems;
  @Inject PageMessages page;

  private String id;
  private String mode;
  private String uri;
  private String at;
  private String before;
  private transient RoomJson room;
  private transient List<ChatMessageJson> history;
  private transient String firstUnreadId;
  private transient boolean atEnd = true;

  /**
   * Runs before rendering (f:viewAction), and on postbacks when first needed: 404 if unreadable.
   */
  public void load() {
    if (room != null) {
      return;
    }
    try {
      if (id == null && uri != null && (uri.contains("/") || session.signedIn())) {
        id = rooms.resolve(session.userId(), uri).id();
      }
      room = roomViews.view(session.userId(), rooms.readable(session.userId(), id), true);
    } catch (Problem refused) {
      if (faces.isPostback()) {
        // mid-form (the room became unreadable, or a bad address): the page filter answers 404
        throw refused;
      }
      Responses.notFound(faces);
      return;
    }
    boolean formerAddress = uri != null && uri.contains("/") && !uri.equalsIgnoreCase(room.uri());
    if ((uri == null || formerAddress) && !faces.isPostback()) {
      // room.xhtml?id= is the page's file, not the room's address, and a renamed room's old
      // address leads to its new one: show the address instead
      String permalink =
          at == null ? "" : "?at=" + java.net.URLEncoder.encode(at, StandardCharsets.UTF_8);
      Responses.redirect(faces, room.url() + permalink);
    }
  }

  public String join() {
    return page.attempt(() -> memberships.join(session.userId(), id)) ? redirectHere() : null;
  }

  /** The room's own address, {@code /<community>/<room>} or {@code /<username>}, as a redirect. */
  private String redirectHere() {
    Responses.redirect(faces, getRoom().url());
    return null;
  }

  /** The room's address for a {@code next=} parameter. */
  public String getEncodedAddress() {
    return java.net.URLEncoder.encode(getRoom().url(), StandardCharsets.UTF_8);
  }

  /** The room's own name, without its community ("general" of "Acme/general"). */
  public String getShortName() {
    String name = getRoom().name();
    return name.substring(name.lastIndexOf('/') + 1);
  }

  /** The first letter of the room's own name, for its avatar. */
  public String getInitial() {
    String name = getRoom().name();
    String last = name.substring(name.lastIndexOf('/') + 1);
    return last.isEmpty() ? "#" : last.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
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
    if (page.attempt(() -> notifications.change(session.userId(), id, mode))) {
      page.info("Notifications: " + mode);
    }
    return null;
  }

  /** Favourites go last in the menu's order; unfavouriting keeps the membership. */
  public String toggleFavourite() {
    load();
    int position = room.favourite() != null ? 0 : menu.getSections().nextFavourite();
    return page.attempt(() -> memberships.update(session.userId(), id, position, false))
        ? redirectHere()
        : null;
  }

  public String leave() {
    memberships.remove(session.userId(), id, session.userId());
    return "/rooms.xhtml?faces-redirect=true";
  }

  /**
   * The page's messages: around a permalink; else the latest, unless the oldest unread message is
   * older than those, then around it, so the "new messages" marker sits on the right one.
   */
  public List<ChatMessageJson> getMessages() {
    if (history == null && before != null) {
      // the page of older messages a signed-out reader's script asks for (the API needs a token)
      try {
        history =
            messages.history(
                session.userId(), id, new HistoryQuery(PAGE, null, before, null, null, false));
      } catch (Problem unknownMessage) {
        history = List.of();
      }
      atEnd = false;
    }
    if (history == null) {
      String around = at != null ? at : oldestUnreadBeforeLatestPage();
      try {
        history =
            messages.history(
                session.userId(), id, new HistoryQuery(PAGE, null, null, null, around, false));
      } catch (Problem unknownPermalink) {
        // a permalink to a message that is not (or no longer) there opens the room at its end
        history = messages.history(session.userId(), id, HistoryQuery.latest());
      }
      atEnd = around == null || endsWithLatest(history);
    }
    return history;
  }

  private String oldestUnreadBeforeLatestPage() {
    if (session.userId() == null || !getRoom().roomMember() || room.unreadItems() < PAGE / 2) {
      return null;
    }
    return unreadItems.get(session.userId(), id).chat().stream().sorted().findFirst().orElse(null);
  }

  private boolean endsWithLatest(List<ChatMessageJson> page) {
    if (page.isEmpty()) {
      return true;
    }
    String last = page.get(page.size() - 1).id();
    return messages
        .history(session.userId(), id, new HistoryQuery(1, null, null, last, null, false))
        .isEmpty();
  }

  /** Whether the page shows the newest message (else the script loads newer ones on scrolling). */
  public boolean isAtEnd() {
    getMessages();
    return atEnd;
  }

  /** Whether the message mentions the viewer (by name or as a group), for the highlight. */
  public boolean mentionsMe(ChatMessageJson message) {
    String me = session.userId();
    return me != null
        && message.mentions() != null
        && message.mentions().stream()
            .anyMatch(
                m ->
                    me.equals(m.userId())
                        || (m.userIds() != null && m.userIds().contains(me))
                        || Boolean.TRUE.equals(m.group()));
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

  /** The room, loaded when first needed (postbacks skip the view action). */
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

  public String getBefore() {
    return before;
  }

  public void setBefore(String before) {
    this.before = before;
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
