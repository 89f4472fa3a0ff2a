package org.gitterjakarta.messages.control;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndDeleteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.bson.Document;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gitterjakarta.messages.entity.ChatMessage;
import org.gitterjakarta.rooms.entity.RoomDeleted;
import org.gitterjakarta.search.entity.SearchQuery;

/**
 * The chatmessages collection through the driver: keyset pages on {@code (toTroupeId, _id)} for
 * history, {@code (parentId, _id)} for threads, {@code $inc} for thread counts. Writes that a
 * client is told about are acknowledged with the configured write concern. Longer than the house's
 * ~200 lines: every query of the collection sits next to the indexes created for it, so a reviewer
 * sees at once that none goes unindexed.
 */
@ApplicationScoped
public class MessageStore {

  @Inject MongoDatabase database;
  @Inject LatestPages latest;

  @Inject
  @ConfigProperty(name = "gitter.mongo.write-concern")
  String writeConcern;

  private MongoCollection<Document> messages;
  private MongoCollection<KeptMessage> kept;

  @PostConstruct
  void open() {
    messages =
        database.getCollection("chatmessages").withWriteConcern(WriteConcern.valueOf(writeConcern));
    kept =
        messages
            .withDocumentClass(KeptMessage.class)
            .withCodecRegistry(
                CodecRegistries.fromRegistries(
                    CodecRegistries.fromCodecs(new KeptJson.PageCodec()),
                    messages.getCodecRegistry()));
  }

  void createIndexes(@Observes @Initialized(ApplicationScoped.class) Object started) {
    messages.createIndex(
        Indexes.compoundIndex(Indexes.ascending("toTroupeId"), Indexes.descending("_id")));
    messages.createIndex(
        Indexes.compoundIndex(Indexes.ascending("parentId"), Indexes.descending("_id")));
    messages.createIndex(Indexes.ascending("fromUserId"));
    // a person's export pages through their messages in id order
    messages.createIndex(
        Indexes.compoundIndex(Indexes.ascending("fromUserId"), Indexes.ascending("_id")));
    messages.createIndex(SEARCH_INDEX);
  }

  /** Search matches tokens within one room: the room narrows, the multikey token array finds. */
  static final Bson SEARCH_INDEX =
      Indexes.compoundIndex(Indexes.ascending("toTroupeId"), Indexes.ascending("_st"));

  /**
   * Messages of a room matching a search, newest first. Every alternative is an equality match on
   * the indexed token array ({@code $all}), so no text index or unanchored regex is involved.
   */
  public List<ChatMessage> search(
      String roomId, SearchQuery query, String fromUserId, int skip, int limit) {
    var found = new ArrayList<ChatMessage>();
    messages
        .find(searchFilter(roomId, query, fromUserId))
        .projection(WHOLE)
        .sort(Sorts.descending("_id"))
        .skip(skip)
        .limit(limit)
        .forEach(d -> found.add(MessageCodec.fromDocument(d)));
    return found;
  }

  static Bson searchFilter(String roomId, SearchQuery query, String fromUserId) {
    List<Bson> filters = new ArrayList<>(List.of(eq("toTroupeId", roomId)));
    List<Bson> alternatives =
        query.alternatives().stream().map(tokens -> Filters.all("_st", tokens)).toList();
    if (alternatives.size() == 1) {
      filters.add(alternatives.get(0));
    } else if (alternatives.size() > 1) {
      filters.add(Filters.or(alternatives));
    }
    if (!query.excluded().isEmpty()) {
      filters.add(Filters.nin("_st", query.excluded()));
    }
    if (fromUserId != null) {
      filters.add(eq("fromUserId", fromUserId));
    }
    if (query.sentFrom() != null) {
      filters.add(Filters.gte("sent", query.sentFrom()));
    }
    if (query.sentTo() != null) {
      filters.add(lt("sent", query.sentTo()));
    }
    return and(filters);
  }

  public void insert(ChatMessage message) {
    messages.insertOne(MessageCodec.toDocument(message));
    latest.changed(message.toTroupeId());
  }

  /** Stores a new message with its JSON as history pages give it, rendered in a format. */
  public void insert(ChatMessage message, int format, String json) {
    messages.insertOne(
        MessageCodec.toDocument(message)
            .append(KeptJson.FIELD, KeptJson.of(format, message.v(), json)));
    latest.changed(message.toTroupeId());
  }

  /**
   * As {@link #page}, each message read only for its kept JSON ({@link KeptJson}); those whose JSON
   * is missing or out of date come without it, to be read whole and rendered again.
   */
  public List<KeptMessage> keptPage(
      String roomId, String beforeId, String afterId, int limit, boolean includeThreads) {
    return keyset(
        inRoom(roomId, includeThreads),
        beforeId,
        afterId,
        (filter, sort) ->
            kept.find(filter)
                .projection(KeptJson.PAGE_FIELDS)
                .sort(sort)
                .limit(limit)
                .into(new ArrayList<>()));
  }

  /**
   * Keeps messages' JSON rendered again, each unless the message changed since it was read: the
   * version must still be the one rendered. Best effort: a page is answered whether or not this
   * lands.
   */
  public void keep(String roomId, int format, List<JsonToKeep> rendered) {
    if (rendered.isEmpty()) {
      return;
    }
    List<UpdateOneModel<Document>> updates = new ArrayList<>();
    for (JsonToKeep each : rendered) {
      updates.add(
          new UpdateOneModel<>(
              // the room too: the (toTroupeId, _id) index finds it where _id and _tv would not
              and(eq("toTroupeId", roomId), eq("_id", each.messageId()), eq("_tv", each.version())),
              Updates.set(KeptJson.FIELD, KeptJson.of(format, each.version(), each.json()))));
    }
    // no reader waits for it to reach a majority: a text not kept is rendered again next time
    messages
        .withWriteConcern(WriteConcern.W1)
        .bulkWrite(updates, new BulkWriteOptions().ordered(false));
  }

  /** Stores an edit (or a blanking): the content fields only, so readers and counts stay. */
  public void rewrite(ChatMessage message) {
    Document doc = MessageCodec.toDocument(message);
    messages.updateOne(
        eq("_id", message.id()),
        Updates.combine(
            Updates.set("text", doc.get("text")),
            Updates.set("html", doc.get("html")),
            Updates.set("urls", doc.get("urls")),
            Updates.set("mentions", doc.get("mentions")),
            Updates.set("issues", doc.get("issues")),
            Updates.set("editedAt", doc.get("editedAt")),
            Updates.inc("_tv", 1), // a reaction may have counted one meanwhile
            Updates.set("_st", doc.get("_st"))));
    latest.changed(message.toTroupeId());
  }

  /**
   * Adds or takes back one person's reaction in one update. The filter says whether it changes
   * anything (the person is not there yet, or is), so a repeat neither bumps the version nor is
   * announced: empty when nothing changed.
   */
  public Optional<ChatMessage> react(String id, String name, String userId, boolean add) {
    String field = "reactions." + name;
    Bson filter = and(eq("_id", id), add ? Filters.ne(field, userId) : eq(field, userId));
    Bson change = add ? Updates.addToSet(field, userId) : Updates.pull(field, userId);
    Document after =
        messages.findOneAndUpdate(
            filter,
            Updates.combine(change, Updates.inc("_tv", 1)),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER).projection(WHOLE));
    if (after != null && !add) {
      messages.updateOne(and(eq("_id", id), Filters.size(field, 0)), Updates.unset(field));
    }
    if (after != null) {
      latest.changed(after.getString("toTroupeId"));
    }
    return Optional.ofNullable(after).map(MessageCodec::fromDocument);
  }

  /** Who has read a message: its sender and the people recorded so far. */
  public Optional<Readers> readers(String roomId, String id) {
    return Optional.ofNullable(
            messages
                .find(and(eq("_id", id), eq("toTroupeId", roomId)))
                .projection(new Document("fromUserId", 1).append("readBy", 1).append("_tv", 1))
                .first())
        .map(
            d ->
                new Readers(
                    d.getString("fromUserId"),
                    d.getList("readBy", String.class, List.of()),
                    d.get("_tv", Number.class).longValue()));
  }

  /** Adds first readers of a message (a set: reading twice counts once). */
  public void addReaders(String roomId, String id, List<String> userIds) {
    messages.updateOne(eq("_id", id), Updates.addEachToSet("readBy", userIds));
    latest.changed(roomId);
  }

  /** The sender, the readers so far and the version of a message. */
  public record Readers(String senderId, List<String> readerIds, long v) {}

  /** When the room's newest message was sent, for the activity dot of muted rooms. */
  public Optional<Long> lastSent(String roomId) {
    return Optional.ofNullable(
            messages
                .find(eq("toTroupeId", roomId))
                .sort(Sorts.descending("_id"))
                .projection(new Document("sent", 1))
                .first())
        .map(d -> d.get("sent", Number.class).longValue());
  }

  /**
   * When the newest message of each room was sent, in one aggregation: sorted on the (toTroupeId,
   * _id) index and grouped by room, which MongoDB answers by reading one index entry per room.
   */
  public Map<String, Long> lastSent(Collection<String> roomIds) {
    Map<String, Long> sent = new HashMap<>();
    if (roomIds.isEmpty()) {
      return sent;
    }
    messages
        .aggregate(
            List.of(
                Aggregates.match(in("toTroupeId", roomIds)),
                Aggregates.sort(
                    Sorts.orderBy(Sorts.ascending("toTroupeId"), Sorts.descending("_id"))),
                Aggregates.group("$toTroupeId", Accumulators.first("sent", "$sent"))))
        .forEach(d -> sent.put(d.getString("_id"), d.get("sent", Number.class).longValue()));
    return sent;
  }

  public void delete(String id) {
    changed(
        messages.findOneAndDelete(eq("_id", id), new FindOneAndDeleteOptions().projection(ROOM)));
  }

  /** Only the room of a changed message, for {@link LatestPages}. */
  private static final Bson ROOM = new Document("toTroupeId", 1);

  private static final Bson ID_ONLY = new Document("_id", 1);

  private void changed(Document roomOfMessage) {
    if (roomOfMessage != null) {
      latest.changed(roomOfMessage.getString("toTroupeId"));
    }
  }

  public Optional<ChatMessage> find(String roomId, String id) {
    return Optional.ofNullable(
            messages.find(and(eq("_id", id), eq("toTroupeId", roomId))).projection(WHOLE).first())
        .map(MessageCodec::fromDocument);
  }

  /** Messages of a room by id (the {@code _id} index), in id order. */
  public List<ChatMessage> byIds(String roomId, Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<ChatMessage> found = new ArrayList<>();
    // the bounds let an index on (toTroupeId, _id) narrow the $in to a range of the room
    Bson bounds = and(Filters.gte("_id", Collections.min(ids)), lte("_id", Collections.max(ids)));
    messages
        .find(and(in("_id", ids), eq("toTroupeId", roomId), bounds))
        .projection(WHOLE)
        .sort(Sorts.ascending("_id"))
        .forEach(d -> found.add(MessageCodec.fromDocument(d)));
    return found;
  }

  public void countReply(String parentId, int delta) {
    changed(
        messages.findOneAndUpdate(
            eq("_id", parentId),
            Updates.combine(Updates.inc("threadMessageCount", delta), Updates.inc("_tv", 1)),
            new FindOneAndUpdateOptions().projection(ROOM)));
  }

  /** The newest {@code limit} messages before (or after) a cursor, oldest first. */
  public List<ChatMessage> page(
      String roomId, String beforeId, String afterId, int limit, boolean includeThreads) {
    return keyset(
        inRoom(roomId, includeThreads),
        beforeId,
        afterId,
        (filter, sort) -> list(filter, sort, limit));
  }

  /**
   * A keyset page on {@code _id} within {@code filters}, oldest first: the first after {@code
   * afterId}, else the newest before {@code beforeId} (or the newest of all). {@code query} runs a
   * filter in a sort order.
   */
  private static <T> List<T> keyset(
      List<Bson> filters, String beforeId, String afterId, BiFunction<Bson, Bson, List<T>> query) {
    if (afterId != null) {
      filters.add(gt("_id", afterId));
      return query.apply(and(filters), Sorts.ascending("_id"));
    }
    if (beforeId != null) {
      filters.add(lt("_id", beforeId));
    }
    return reversed(query.apply(and(filters), Sorts.descending("_id")));
  }

  /** The newest {@code limit} messages up to and including one, oldest first. */
  public List<ChatMessage> pageUpTo(
      String roomId, String lastId, int limit, boolean includeThreads) {
    List<Bson> filters = inRoom(roomId, includeThreads);
    filters.add(lte("_id", lastId));
    return reversed(list(and(filters), Sorts.descending("_id"), limit));
  }

  private static List<Bson> inRoom(String roomId, boolean includeThreads) {
    List<Bson> filters = new ArrayList<>(List.of(eq("toTroupeId", roomId)));
    if (!includeThreads) {
      filters.add(exists("parentId", false));
    }
    return filters;
  }

  /** Up to {@code half} messages at or before the anchor and {@code half} after it. */
  public List<ChatMessage> around(
      String roomId, String anchorId, int half, boolean includeThreads) {
    List<Bson> base = inRoom(roomId, includeThreads);
    var before = new ArrayList<>(base);
    before.add(lte("_id", anchorId));
    var after = new ArrayList<>(base);
    after.add(gt("_id", anchorId));
    List<ChatMessage> result =
        new ArrayList<>(reversed(list(and(before), Sorts.descending("_id"), half)));
    result.addAll(list(and(after), Sorts.ascending("_id"), half));
    return result;
  }

  public List<ChatMessage> thread(String parentId, String beforeId, String afterId, int limit) {
    return keyset(
        new ArrayList<>(List.of(eq("parentId", parentId))),
        beforeId,
        afterId,
        (filter, sort) -> list(filter, sort, limit));
  }

  public List<ChatMessage> skipped(String roomId, int skip, int limit, boolean includeThreads) {
    Bson filter =
        includeThreads
            ? eq("toTroupeId", roomId)
            : and(eq("toTroupeId", roomId), exists("parentId", false));
    var found = new ArrayList<ChatMessage>();
    messages
        .find(filter)
        .projection(WHOLE)
        .sort(Sorts.descending("_id"))
        .skip(skip)
        .limit(limit)
        .forEach(d -> found.add(MessageCodec.fromDocument(d)));
    Collections.reverse(found);
    return found;
  }

  /**
   * Main-feed messages of a room sent in {@code [from, to)}, oldest first, at most {@code limit}.
   * Ids carry their creation time, so the range is an {@code _id} range on the room's index.
   */
  public List<ChatMessage> between(String roomId, long from, long to, int limit) {
    return list(
        and(
            eq("toTroupeId", roomId),
            exists("parentId", false),
            Filters.gte("_id", idAt(from)),
            lt("_id", idAt(to))),
        Sorts.ascending("_id"),
        limit);
  }

  /** How many main-feed messages each UTC day in {@code [from, to)} has: day start → count. */
  public java.util.SortedMap<Long, Integer> perDay(String roomId, long from, long to) {
    var days = new java.util.TreeMap<Long, Integer>();
    messages
        .find(
            and(
                eq("toTroupeId", roomId),
                exists("parentId", false),
                Filters.gte("_id", idAt(from)),
                lt("_id", idAt(to))))
        .projection(new Document("sent", 1))
        .forEach(
            d -> {
              long sent = d.get("sent", Number.class).longValue();
              days.merge(sent - Math.floorMod(sent, DAY_MILLIS), 1, Integer::sum);
            });
    return days;
  }

  static final long DAY_MILLIS = 86_400_000L;

  /** The smallest ObjectId of a moment: ids sort by their leading seconds. */
  static String idAt(long millis) {
    return String.format("%08x", millis / 1000) + "0000000000000000";
  }

  /**
   * The ids of a room's newest messages (thread replies too) sent since a time by others than
   * {@code reader}, newest first, at most {@code limit}: those that may still wait for the reader's
   * unread items.
   */
  public List<String> idsSince(String roomId, String reader, long since, int limit) {
    var ids = new ArrayList<String>();
    messages
        .find(
            and(
                eq("toTroupeId", roomId),
                Filters.gte("_id", idAt(since)),
                Filters.ne("fromUserId", reader)))
        .projection(ID_ONLY)
        .sort(Sorts.descending("_id"))
        .limit(limit)
        .forEach(d -> ids.add(d.getString("_id")));
    return ids;
  }

  /** One person's messages in a room, newest first. */
  public List<ChatMessage> fromUser(String roomId, String userId) {
    return list(
        and(eq("toTroupeId", roomId), eq("fromUserId", userId)), Sorts.descending("_id"), 0);
  }

  /**
   * Up to {@code limit} messages of a room after a cursor ({@code null}: from the first), threads
   * included, oldest first: exports page through a room with it, a batch at a time.
   */
  public List<ChatMessage> roomBatch(String roomId, String afterId, int limit) {
    return batch(eq("toTroupeId", roomId), afterId, limit);
  }

  /** As {@link #roomBatch}, for one person's messages in every room. */
  public List<ChatMessage> userBatch(String userId, String afterId, int limit) {
    return batch(eq("fromUserId", userId), afterId, limit);
  }

  private List<ChatMessage> batch(Bson owner, String afterId, int limit) {
    Bson filter = afterId == null ? owner : and(owner, gt("_id", afterId));
    return list(filter, Sorts.ascending("_id"), limit);
  }

  /**
   * Stores a message unless one with its id is there already (an import run again); whether it was
   * stored.
   */
  public boolean insertNew(ChatMessage message) {
    try {
      insert(message);
      return true;
    } catch (RuntimeException e) {
      if (org.gitterjakarta.mongo.control.DuplicateKeys.isDuplicateKey(e)) {
        return false;
      }
      throw e;
    }
  }

  void removeRoom(@Observes RoomDeleted deleted) {
    messages.deleteMany(eq("toTroupeId", deleted.roomId()));
    latest.changed(deleted.roomId());
  }

  /**
   * What a message is read without: its search tokens, as many again as its words, and its kept
   * JSON, which only history pages read.
   */
  private static final Bson WHOLE = new Document("_st", 0).append(KeptJson.FIELD, 0);

  private List<ChatMessage> list(Bson filter, Bson sort, int limit) {
    var found = new ArrayList<ChatMessage>();
    messages
        .find(filter)
        .projection(WHOLE)
        .sort(sort)
        .limit(limit)
        .forEach(d -> found.add(MessageCodec.fromDocument(d)));
    return found;
  }

  private static <T> List<T> reversed(List<T> list) {
    Collections.reverse(list);
    return list;
  }
}
