package org.gitterjakarta.unread.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.gitterjakarta.events.entity.Channels;
import org.gitterjakarta.events.entity.Envelope;
import org.gitterjakarta.events.entity.Notification;
import org.gitterjakarta.messages.entity.MessageNotice;

/**
 * A whole room's unread change for some messages (added by a new message, or taken back), sent
 * between instances as one live event rather than two per member: each realtime instance expands it
 * into the per-person unread events only for people who have a subscriber there. A room of a
 * thousand members then costs one Redis message per new message, not two thousand.
 *
 * @param added true for new unread items ({@code unread_items}), false for removed ones
 * @param chatIds the messages concerned
 * @param mentionIds the messages concerned as mentions
 * @param people who is concerned, with their counts afterwards
 * @param quiet members who muted the room: they only get the activity dot (on their room list, and
 *     Gitter's {@code activity} notification on their own channel)
 * @param notice for a new message, its desktop notification: sent as Gitter's {@code
 *     user_notification} to the people it mentions, or to the other person of a one-to-one chat;
 *     null otherwise
 */
public record UnreadBatch(
    String roomId,
    boolean added,
    List<String> chatIds,
    List<String> mentionIds,
    List<Person> people,
    List<String> quiet,
    MessageNotice notice) {

  /** The live channel batches travel on; an internal name no client may subscribe to. */
  public static final String CHANNEL = "/gitter/internal/unread";

  private static final JsonProvider JSON = JsonProvider.provider();

  /** One person's part: whether the message is a mention for them, and their counts after. */
  public record Person(String userId, boolean mention, int unreadItems, int mentions) {}

  /** One event for one person's Bayeux channel. */
  public record Delivery(String channel, Object data) {}

  /** The per-person events for the people {@code subscribed} (a channel name test) says. */
  public List<Delivery> deliveries(Predicate<String> subscribed) {
    List<Delivery> deliveries = new ArrayList<>();
    for (String userId : quiet) {
      String rooms = Channels.userRooms(userId);
      if (subscribed.test(rooms)) {
        deliveries.add(new Delivery(rooms, Envelope.patch(Map.of("id", roomId, "activity", 1))));
      }
      String own = Channels.user(userId);
      if (added && subscribed.test(own)) {
        deliveries.add(new Delivery(own, Notification.of("activity", Map.of("troupeId", roomId))));
      }
    }
    for (Person person : people) {
      String own = Channels.user(person.userId());
      if (notifies(person) && subscribed.test(own)) {
        deliveries.add(new Delivery(own, userNotification()));
      }
      String unread = Channels.userUnread(person.userId(), roomId);
      if (subscribed.test(unread)) {
        deliveries.add(new Delivery(unread, notification(person)));
      }
      String rooms = Channels.userRooms(person.userId());
      if (subscribed.test(rooms)) {
        var counts = new LinkedHashMap<String, Object>();
        counts.put("id", roomId);
        counts.put("unreadItems", person.unreadItems());
        counts.put("mentions", person.mentions());
        deliveries.add(new Delivery(rooms, Envelope.patch(counts)));
      }
    }
    return deliveries;
  }

  private boolean notifies(Person person) {
    return added && notice != null && (person.mention() || notice.oneToOne());
  }

  private Map<String, Object> userNotification() {
    var fields = new LinkedHashMap<String, Object>();
    fields.put("title", notice.title());
    fields.put("text", notice.text());
    fields.put("link", notice.link());
    if (notice.icon() != null) {
      fields.put("icon", notice.icon());
    }
    fields.put("troupeId", roomId);
    fields.put("chatId", chatIds.get(0));
    return Notification.of("user_notification", fields);
  }

  private Map<String, Object> notification(Person person) {
    var items = new LinkedHashMap<String, Object>();
    items.put("chat", chatIds);
    if (!added || person.mention()) {
      items.put("mention", mentionIds);
    }
    return Notification.of(added ? "unread_items" : "unread_items_removed", Map.of("items", items));
  }

  public String toJson() {
    JsonArrayBuilder persons = JSON.createArrayBuilder();
    for (Person person : people) {
      persons.add(
          JSON.createArrayBuilder()
              .add(person.userId())
              .add(person.mention())
              .add(person.unreadItems())
              .add(person.mentions()));
    }
    var batch =
        JSON.createObjectBuilder()
            .add("roomId", roomId)
            .add("added", added)
            .add("chatIds", JSON.createArrayBuilder(chatIds))
            .add("mentionIds", JSON.createArrayBuilder(mentionIds))
            .add("people", persons)
            .add("quiet", JSON.createArrayBuilder(quiet));
    if (notice != null) {
      var fields =
          JSON.createObjectBuilder()
              .add("title", notice.title())
              .add("text", notice.text())
              .add("link", notice.link())
              .add("oneToOne", notice.oneToOne());
      if (notice.icon() != null) {
        fields.add("icon", notice.icon());
      }
      batch.add("notice", fields);
    }
    return batch.build().toString();
  }

  public static UnreadBatch parse(String json) {
    try (var reader = JSON.createReader(new StringReader(json))) {
      JsonObject batch = reader.readObject();
      List<Person> people = new ArrayList<>();
      for (JsonArray person : batch.getJsonArray("people").getValuesAs(JsonArray.class)) {
        people.add(
            new Person(
                person.getString(0), person.getBoolean(1), person.getInt(2), person.getInt(3)));
      }
      return new UnreadBatch(
          batch.getString("roomId"),
          batch.getBoolean("added"),
          strings(batch.getJsonArray("chatIds")),
          strings(batch.getJsonArray("mentionIds")),
          people,
          strings(batch.getJsonArray("quiet")),
          notice(batch.getJsonObject("notice")));
    }
  }

  private static MessageNotice notice(JsonObject notice) {
    if (notice == null) {
      return null;
    }
    return new MessageNotice(
        notice.getString("title"),
        notice.getString("text"),
        notice.getString("link"),
        notice.getString("icon", null),
        notice.getBoolean("oneToOne"));
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }
}
