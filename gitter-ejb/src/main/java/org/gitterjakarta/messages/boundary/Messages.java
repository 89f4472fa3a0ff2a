package org.gitterjakarta.messages.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.types.ObjectId;
import org.gitterjakarta.events.control.LiveEvents;
import org.gitterjakarta.events.entity.Channels;
import org.gitterjakarta.events.entity.Envelope;
import org.gitterjakarta.markdown.control.MarkdownRenderer;
import org.gitterjakarta.markdown.entity.Rendered;
import org.gitterjakarta.messages.control.LatestPages;
import org.gitterjakarta.messages.control.MessageStore;
import org.gitterjakarta.messages.control.UnreadMarks;
import org.gitterjakarta.messages.entity.ChatMessage;
import org.gitterjakarta.messages.entity.Mention;
import org.gitterjakarta.messages.entity.MessageEdited;
import org.gitterjakarta.messages.entity.MessageNotice;
import org.gitterjakarta.messages.entity.MessageRemoved;
import org.gitterjakarta.messages.entity.MessageStored;
import org.gitterjakarta.metrics.control.ProductMetrics;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.entity.Access;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.rooms.entity.RoomSecurity;
import org.gitterjakarta.rooms.entity.UserBanned;
import org.gitterjakarta.search.entity.SearchQuery;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.users.boundary.Users;

/**
 * Sending, reading, editing and deleting chat messages. A message is stored before anybody is told;
 * then one live event goes to the room's channel. Longer than the house's ~200 lines: reading and
 * writing share the rights check, the id validation and the one mapping to Gitter's message JSON.
 */
@Stateless
public class Messages {

  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{24}");

  @Inject Rooms rooms;
  @Inject MessageStore store;
  @Inject MarkdownRenderer markdown;
  @Inject Users users;
  @Inject LiveEvents events;
  @Inject UnreadMarks unreads;
  @Inject Event<MessageStored> stored;
  @Inject Event<MessageRemoved> removed;
  @Inject Event<MessageEdited> editedEvent;
  @Inject ProductMetrics metrics;
  @Inject LatestPages latestPages;
  @Inject PageText pageText;
  @Inject KeptPages keptPages;

  public ChatMessageJson send(
      String userId, String roomId, String text, boolean status, String parentId) {
    var target = rooms.readableWithAccess(userId, roomId);
    Room room = target.room();
    Access access = target.access();
    if (!access.write()) {
      throw Problem.notAllowed("You must join this room to send messages");
    }
    checkText(text);
    if (parentId != null) {
      validId(parentId);
      ChatMessage parent =
          store
              .find(room.id(), parentId)
              .orElseThrow(() -> Problem.invalid("Thread parent is not a message of this room"));
      if (parent.isThreadReply()) {
        throw Problem.invalid("Replies cannot start threads of their own");
      }
    }
    Rendered rendered = markdown.render(text);
    var message =
        ChatMessage.written(
            new ObjectId().toHexString(),
            new ChatMessage.Authored(room.id(), userId, parentId, text, status),
            rendered.html(),
            rendered.urls(),
            mentions(rendered, access),
            rendered.issues(),
            room.security() == RoomSecurity.PUBLIC,
            System.currentTimeMillis());
    ChatMessageJson json = json(message);
    store.insert(message, PageText.FORMAT, pageText.kept(json));
    metrics.messageSent();
    events.publish(channel(room.id()), Envelope.create(json));
    stored.fire(new MessageStored(message, notice(room, json, text)));
    if (parentId != null) {
      store.countReply(parentId, 1);
      store
          .find(room.id(), parentId)
          .ifPresent(
              parent ->
                  events.publish(
                      channel(room.id()),
                      Envelope.patch(
                          Map.of(
                              "id",
                              parent.id(),
                              "threadMessageCount",
                              parent.threadMessageCount(),
                              "v",
                              parent.v()))));
    }
    return json;
  }

  /**
   * Runs the send and read paths once before an instance says it is ready: the first real send
   * would otherwise load and set up their classes (the markdown parser, the store's mapping, insert
   * and queries, the access checks, JSON-B, the live event) while its sender and the room wait.
   * Lookups of ids that exist nowhere stand in for most writes; the insert is real, of a made-up
   * message in a made-up room, and removed at once. Its sender, in its JSON, is a real account
   * where there is one, so that JSON-B's model of a sender is built here too (about 9 ms of a
   * restarted instance's first message, gitter-bench, issue 18). Outside a transaction: the refused
   * room lookup must not doom the calls after it.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void warmUp() {
    String nobody = new ObjectId().toHexString();
    String nowhere = new ObjectId().toHexString();
    try {
      rooms.readableWithAccess(nobody, nowhere);
    } catch (RuntimeException expected) {
      // no such room: its lookup ran
    }
    try {
      rooms
          .newestPublicRoomId()
          .ifPresent(room -> rooms.readableWithAccess(nobody, room)); // a real room's checks
    } catch (RuntimeException refused) {
      // its checks ran
    }
    users.find(nobody);
    store.find(nowhere, nobody);
    Rendered rendered = markdown.render("Warming **up** `the` [path](https://example.org) @x #1");
    markdown.render("Warming up the plain path");
    var message =
        ChatMessage.written(
            new ObjectId().toHexString(),
            new ChatMessage.Authored(nowhere, nobody, null, "warm-up", false),
            rendered.html(),
            rendered.urls(),
            List.of(),
            rendered.issues(),
            false,
            System.currentTimeMillis());
    ChatMessageJson json = ChatMessageJson.of(message, anySender());
    try {
      store.insert(message, PageText.FORMAT, pageText.kept(json));
      keptPages.page(nowhere, null, null, 1, false); // the kept page's query and codec
    } finally {
      store.delete(message.id());
    }
    events.publish(channel(nowhere), Envelope.create(json)); // a channel no one can have
    pageText.page(List.of(json), new PageText.Form(false, true), Set.of());
  }

  /** Some real account's public profile, or none (a new installation, or the lookup failed). */
  private UserJson anySender() {
    try {
      return users.anyActiveId().flatMap(users::find).map(UserJson::of).orElse(null);
    } catch (RuntimeException e) {
      return null; // the warm-up's JSON is written without a sender then
    }
  }

  private static MessageNotice notice(Room room, ChatMessageJson json, String text) {
    UserJson sender = json.fromUser() instanceof UserJson u ? u : null;
    return MessageNotice.of(
        sender == null ? "" : sender.displayName(),
        sender == null ? "" : sender.username(),
        sender == null ? null : sender.avatarUrl(),
        room.isOneToOne() ? null : room.uri(),
        text);
  }

  public List<ChatMessageJson> history(String userId, String roomId, HistoryQuery query) {
    Room room = rooms.readable(userId, roomId);
    int limit = query.pageSize();
    int skip = query.skipped();
    Optional.ofNullable(query.beforeId()).ifPresent(Messages::validId);
    Optional.ofNullable(query.afterId()).ifPresent(Messages::validId);
    if (query.aroundId() != null) {
      validId(query.aroundId());
      if (store.find(room.id(), query.aroundId()).isPresent()) {
        return around(userId, room, query.aroundId(), limit, query.includeThreads());
      }
    }
    List<ChatMessage> page =
        skip > 0 && query.beforeId() == null && query.afterId() == null
            ? store.skipped(room.id(), skip, limit, query.includeThreads())
            : store.page(
                room.id(), query.beforeId(), query.afterId(), limit, query.includeThreads());
    return markUnread(userId, room.id(), json(page));
  }

  /**
   * A history page as the JSON text of the answer, in the form asked for. The access check runs for
   * every read; the latest page of a room comes from {@link LatestPages} while still exact, and
   * each message's text is rendered once ({@link PageText}). Pages around a message keep the
   * general path.
   */
  // read on every request: no transaction begun and ended for it (MongoDB takes no part in JTA)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public String historyText(String userId, String roomId, HistoryQuery query, PageText.Form form) {
    if (query.aroundId() != null) {
      List<ChatMessageJson> page = history(userId, roomId, query);
      if (form.lean()) {
        page = page.stream().map(ChatMessageJson::lean).toList();
      }
      return pageText.of(form.lookups() ? LookupsForm.of(page) : page);
    }
    Room room = rooms.readable(userId, roomId);
    int limit = query.pageSize();
    int skip = query.skipped();
    Optional.ofNullable(query.beforeId()).ifPresent(Messages::validId);
    Optional.ofNullable(query.afterId()).ifPresent(Messages::validId);
    boolean threads = query.includeThreads();
    List<ChatMessageJson> page;
    if (query.beforeId() != null || query.afterId() != null) {
      if (!form.lean()) { // kept texts are of the full form
        return keptPage(userId, room.id(), query, form);
      }
      page = json(store.page(room.id(), query.beforeId(), query.afterId(), limit, threads));
    } else if (skip > 0) {
      page = json(store.skipped(room.id(), skip, limit, threads));
    } else {
      page =
          latestPages.latest(
              room.id(),
              limit,
              threads,
              () -> json(store.page(room.id(), null, null, limit, threads)));
    }
    var unread = userId == null || page.isEmpty() ? null : unreads.unreadIn(userId, room.id());
    return pageText.page(page, form, unread);
  }

  /** A page before or after a message, from the texts kept with the messages. */
  private String keptPage(String userId, String roomId, HistoryQuery query, PageText.Form form) {
    List<PageText.Entry> page =
        keptPages.page(
            roomId, query.beforeId(), query.afterId(), query.pageSize(), query.includeThreads());
    var unread = userId == null || page.isEmpty() ? null : unreads.unreadIn(userId, roomId);
    return pageText.joined(page, form, unread);
  }

  /**
   * The page ending with a message, that message included (the {@code beforeInclId} of Gitter's
   * snapshots: a client that knows a message gets it back with what came before).
   */
  public List<ChatMessageJson> historyUpTo(
      String userId, String roomId, String lastId, int limit, boolean includeThreads) {
    Room room = rooms.readable(userId, roomId);
    validId(lastId);
    int size = new HistoryQuery(limit, null, null, null, null, includeThreads).pageSize();
    return markUnread(
        userId, room.id(), json(store.pageUpTo(room.id(), lastId, size, includeThreads)));
  }

  /** {@code unread} on each message, for a signed-in viewer. */
  private List<ChatMessageJson> markUnread(
      String viewerId, String roomId, List<ChatMessageJson> page) {
    if (viewerId == null || page.isEmpty()) {
      return page;
    }
    var unread = unreads.unreadIn(viewerId, roomId);
    return page.stream().map(m -> m.withUnread(unread.contains(m.id()))).toList();
  }

  /**
   * Messages of a readable room matching a search, newest first; {@code from:} names an unknown
   * person → no results.
   */
  public List<ChatMessageJson> search(
      String userId, String roomId, String queryText, int skip, int limit) {
    Room room = rooms.readable(userId, roomId);
    SearchQuery query;
    try {
      query = SearchQuery.parse(queryText);
    } catch (IllegalArgumentException e) {
      throw Problem.invalid(e.getMessage());
    }
    if (query.isEmpty()) {
      throw Problem.invalid("Search for at least one word");
    }
    String fromUserId = null;
    if (query.from() != null) {
      var sender = users.findByUsername(query.from());
      if (sender.isEmpty()) {
        return List.of();
      }
      fromUserId = sender.get().id();
    }
    return json(store.search(room.id(), query, fromUserId, skip, limit));
  }

  private List<ChatMessageJson> around(
      String viewerId, Room room, String anchorId, int limit, boolean threads) {
    List<ChatMessageJson> page =
        json(store.around(room.id(), anchorId, Math.max(1, limit / 2), threads));
    page = markUnread(viewerId, room.id(), page);
    return page.stream().map(m -> m.id().equals(anchorId) ? m.asInitial() : m).toList();
  }

  public ChatMessageJson get(String userId, String roomId, String messageId) {
    return json(readable(userId, roomId, messageId));
  }

  /** A message of a room the person may read; anything else is "not found". */
  public ChatMessage readable(String userId, String roomId, String messageId) {
    return found(rooms.readable(userId, roomId), messageId);
  }

  public List<ChatMessageJson> thread(
      String userId, String roomId, String parentId, HistoryQuery query) {
    Room room = rooms.readable(userId, roomId);
    ChatMessage parent = found(room, parentId);
    return json(store.thread(parent.id(), query.beforeId(), query.afterId(), query.pageSize()));
  }

  /** Own messages only, within Gitter's 600 s edit window. */
  public ChatMessageJson edit(String userId, String roomId, String messageId, String text) {
    var target = rooms.readableWithAccess(userId, roomId);
    Room room = target.room();
    ChatMessage message = found(room, messageId);
    if (!message.fromUserId().equals(userId)) {
      throw Problem.notAllowed("You can only edit your own messages");
    }
    long now = System.currentTimeMillis();
    if (!message.editableAt(now)) {
      throw Problem.invalid("You can no longer edit this message");
    }
    checkText(text);
    Rendered rendered = markdown.render(text);
    ChatMessage edited =
        message.edited(
            text,
            rendered.html(),
            rendered.urls(),
            mentions(rendered, target.access()),
            rendered.issues(),
            now);
    store.rewrite(edited);
    editedEvent.fire(new MessageEdited(message, edited));
    ChatMessageJson json = json(edited);
    events.publish(channel(room.id()), Envelope.update(json));
    return json;
  }

  /** By its sender or a room admin; a thread parent with replies is blanked, not removed. */
  public void delete(String userId, String roomId, String messageId) {
    var target = rooms.readableWithAccess(userId, roomId);
    Room room = target.room();
    ChatMessage message = found(room, messageId);
    if (!message.fromUserId().equals(userId) && !target.access().admin()) {
      throw Problem.notAllowed("You can only delete your own messages");
    }
    remove(room, message);
  }

  /** A ban with {@code removeMessages} takes the person's messages in the room away. */
  public void removeBannedMessages(@Observes UserBanned banned) {
    if (!banned.removeMessages()) {
      return;
    }
    rooms
        .find(banned.roomId())
        .ifPresent(
            room -> store.fromUser(room.id(), banned.userId()).forEach(m -> remove(room, m)));
  }

  /** Deletion decided by moderation (reports), not by a person's request. */
  public void removeAsModerator(String roomId, String messageId) {
    rooms
        .find(roomId)
        .ifPresent(room -> store.find(room.id(), messageId).ifPresent(m -> remove(room, m)));
  }

  private void remove(Room room, ChatMessage message) {
    if (message.threadMessageCount() > 0) {
      ChatMessage blank = message.blanked(System.currentTimeMillis());
      store.rewrite(blank);
      editedEvent.fire(new MessageEdited(message, blank));
      events.publish(channel(room.id()), Envelope.update(json(blank)));
      return;
    }
    store.delete(message.id());
    removed.fire(
        new MessageRemoved(
            room.id(),
            message.id(),
            message.mentions().stream().map(Mention::userId).filter(id -> id != null).toList()));
    if (message.parentId() != null) {
      store.countReply(message.parentId(), -1);
    }
    events.publish(channel(room.id()), Envelope.remove(Map.of("id", message.id())));
  }

  private ChatMessage found(Room room, String messageId) {
    validId(messageId);
    return store
        .find(room.id(), messageId)
        .orElseThrow(() -> Problem.notFound("Message not found"));
  }

  /** Mentioned people who exist; {@code @/all} only counts when an admin writes it. */
  private List<Mention> mentions(Rendered rendered, Access access) {
    List<Mention> found = new ArrayList<>();
    for (String name : rendered.mentionedNames()) {
      users.findByUsername(name).ifPresent(u -> found.add(Mention.person(u.username(), u.id())));
    }
    if (rendered.mentionsAll() && access.admin()) {
      found.add(Mention.all());
    }
    return found;
  }

  private ChatMessageJson json(ChatMessage message) {
    return ChatMessageJson.of(
        message, users.findIncludingRemoved(message.fromUserId()).map(UserJson::of).orElse(null));
  }

  /** Messages as clients see them, each sender looked up once. */
  public List<ChatMessageJson> json(List<ChatMessage> page) {
    Map<String, UserJson> senders = new HashMap<>();
    return page.stream()
        .map(
            m ->
                ChatMessageJson.of(
                    m,
                    senders.computeIfAbsent(
                        m.fromUserId(),
                        id -> users.findIncludingRemoved(id).map(UserJson::of).orElse(null))))
        .toList();
  }

  private static void checkText(String text) {
    if (text == null || text.isBlank()) {
      throw Problem.invalid("Text is required");
    }
    if (text.length() > ChatMessage.MAX_LENGTH) {
      throw Problem.invalid("Message is too long (4096 characters at most)");
    }
  }

  static void validId(String id) {
    if (id == null || !OBJECT_ID.matcher(id).matches()) {
      throw Problem.invalid("Invalid MongoId: " + id);
    }
  }

  static String channel(String roomId) {
    return Channels.roomMessages(roomId);
  }
}
