package org.gitterjakarta.ws.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gitterjakarta.communities.boundary.Groups;
import org.gitterjakarta.integrations.boundary.RoomEvents;
import org.gitterjakarta.memberships.boundary.Memberships;
import org.gitterjakarta.messages.boundary.ChatMessageJson;
import org.gitterjakarta.messages.boundary.HistoryQuery;
import org.gitterjakarta.messages.boundary.LookupsForm;
import org.gitterjakarta.messages.boundary.Messages;
import org.gitterjakarta.messages.boundary.ReadBy;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.roomviews.boundary.RoomViews;
import org.gitterjakarta.unread.boundary.UnreadItems;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.ws.realtime.BayeuxChannel.RoomChannel;
import org.gitterjakarta.ws.realtime.BayeuxChannel.UserChannel;

/**
 * The state a subscriber starts from, answered in the subscribe reply's {@code ext.snapshot}, so
 * that a client needs no REST call before live events make sense.
 */
@ApplicationScoped
public class Snapshots {

  static final int DEFAULT_MESSAGES = 30;
  static final int DEFAULT_USERS = 30;
  static final int MAX_ITEMS = 100;

  @Inject Rooms rooms;

  @Inject RoomViews roomViews;
  @Inject Messages messages;
  @Inject Memberships memberships;
  @Inject ReadBy readBy;
  @Inject Groups groups;
  @Inject UnreadItems unread;
  @Inject RoomEvents events;

  /**
   * The snapshot of an allowed subscription, or empty when the channel has none.
   *
   * @param requested the subscribe's {@code ext.snapshot}: null when absent, {@code true}, or
   *     options such as {@code {limit, lean, includeThreads}}
   */
  public Optional<Object> of(Connection connection, BayeuxChannel channel, Object requested) {
    if (Boolean.FALSE.equals(requested)) {
      return Optional.empty();
    }
    Map<?, ?> options = requested instanceof Map<?, ?> map ? map : Map.of();
    String userId = connection.userId();
    if (channel instanceof RoomChannel room) {
      return room(userId, room, requested != null, options);
    }
    return channel instanceof UserChannel user ? personal(user) : Optional.empty();
  }

  private Optional<Object> room(
      String userId, RoomChannel channel, boolean asked, Map<?, ?> options) {
    String roomId = channel.roomId();
    return switch (channel.resource()) {
      case "" ->
          asked
              ? Optional.of(roomViews.view(userId, rooms.readable(userId, roomId), true))
              : Optional.empty();
      case "chatMessages" -> {
        if (!channel.rest().isEmpty()) {
          yield channel.rest().endsWith("/readBy")
              ? Optional.of(readBy.readers(userId, roomId, channel.rest().split("/")[1]))
              : Optional.empty();
        }
        yield Optional.of(history(userId, roomId, options));
      }
      case "users" -> {
        var members =
            memberships.members(userId, roomId, 0, number(options, "limit", DEFAULT_USERS));
        yield Optional.of(
            Boolean.TRUE.equals(options.get("lean"))
                ? members.stream().map(UserJson::lean).toList()
                : members);
      }
      case "events" -> Optional.of(events.latest(userId, roomId));
      default -> Optional.empty();
    };
  }

  /**
   * The latest messages, or those up to {@code beforeInclId}; {@code lean} leaves out empty lists,
   * {@code lookups: ['user']} answers {@code {items, lookups: {users}}} with senders as ids.
   */
  private Object history(String userId, String roomId, Map<?, ?> options) {
    int limit = number(options, "limit", DEFAULT_MESSAGES);
    boolean threads = Boolean.TRUE.equals(options.get("includeThreads"));
    List<ChatMessageJson> page =
        options.get("beforeInclId") instanceof String last
            ? messages.historyUpTo(userId, roomId, last, limit, threads)
            : messages.history(
                userId, roomId, new HistoryQuery(limit, null, null, null, null, threads));
    if (Boolean.TRUE.equals(options.get("lean"))) {
      page = page.stream().map(ChatMessageJson::lean).toList();
    }
    return asksFor(options.get("lookups"), "user") ? LookupsForm.of(page) : page;
  }

  private Optional<Object> personal(UserChannel channel) {
    String userId = channel.userId();
    return switch (channel.resource()) {
      case "rooms" -> Optional.of(roomViews.roomsOf(userId));
      case "groups" -> Optional.of(groups.viewsFor(userId));
      case "orgs" -> Optional.of(List.of());
      case "unreadItems" -> Optional.of(unread.get(userId, channel.roomId()));
      default -> Optional.empty();
    };
  }

  /** Whether a list option (an array in the message, a list or an array once parsed) holds it. */
  private static boolean asksFor(Object option, String item) {
    if (option instanceof Object[] array) {
      return java.util.Arrays.asList(array).contains(item);
    }
    return option instanceof List<?> list && list.contains(item);
  }

  private static int number(Map<?, ?> options, String key, int fallback) {
    if (!(options.get(key) instanceof Number n)) {
      return fallback;
    }
    double asked = n.doubleValue();
    return asked >= 1 && asked <= MAX_ITEMS
        ? (int) asked
        : asked > MAX_ITEMS ? MAX_ITEMS : fallback;
  }
}
