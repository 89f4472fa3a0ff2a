package org.gitterjakarta.unread.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;
import org.gitterjakarta.messages.entity.ChatMessage;
import org.gitterjakarta.messages.entity.Mention;
import org.gitterjakarta.messages.entity.MessageEdited;
import org.gitterjakarta.messages.entity.MessageNotice;
import org.gitterjakarta.messages.entity.MessageRemoved;
import org.gitterjakarta.messages.entity.MessageStored;
import org.gitterjakarta.metrics.control.ProductMetrics;
import org.gitterjakarta.redis.control.RedisOutbox;
import org.gitterjakarta.rooms.control.MemberFlags;
import org.gitterjakarta.rooms.control.RoomAccess;
import org.gitterjakarta.rooms.control.RoomRepository;
import org.gitterjakarta.rooms.entity.NotificationMode.Flags;
import org.gitterjakarta.rooms.entity.RoomDeleted;
import org.gitterjakarta.unread.entity.UnreadArrived;
import org.gitterjakarta.unread.entity.UnreadBatch;

/**
 * Who gets an unread item for a new message: members whose mode tracks unread items, members with
 * mention notifications who were mentioned, members with announcements for {@code @/all}, and
 * mentioned people outside the room who could join it. Never the sender. Edits move mentions,
 * deletions take items back; each change reaches the people's realtime channels. The message is
 * stored before any of this runs, so the Redis work waits in the {@link RedisOutbox} while Redis is
 * away instead of failing the send. Concurrent sends to one room share one batch ({@link
 * RoomLanes}): the unread work of a message grows with the room's members, and a busy room would
 * otherwise ask Redis for it once per message. A batch runs on the thread of one of its senders, so
 * observers of {@link UnreadArrived} must not rely on the sender's request or transaction; each
 * message's event carries the counts after the whole batch, the newest there are.
 */
@ApplicationScoped
public class UnreadFanout {

  @Inject MemberFlags memberFlags;
  @Inject RoomRepository rooms;
  @Inject RoomAccess access;
  @Inject UnreadStore store;
  @Inject UnreadEvents events;
  @Inject RedisOutbox outbox;
  @Inject ProductMetrics metrics;
  @Inject Event<UnreadArrived> arrived;

  private static final System.Logger LOGGER = System.getLogger(UnreadFanout.class.getName());

  /** Messages per batch at most: a batch's script call blocks Redis while it runs. */
  static final int MAX_BATCH = 32;

  private final RoomLanes<Pending> lanes = new RoomLanes<>(MAX_BATCH, this::addAll);

  /** A stored message waiting for its unread work: who gets an item, who only the room's dot. */
  private record Pending(
      ChatMessage message, List<UnreadStore.Item> items, List<String> quiet, MessageNotice notice) {

    UnreadStore.NewMessage unread() {
      return new UnreadStore.NewMessage(message.id(), message.sent(), items);
    }

    /**
     * The live event for it, once the script has given everyone's counts and the items it added
     * ({@code added}: not those of people who had read the message already).
     */
    UnreadBatch batch(Map<String, UnreadStore.Counts> counts, UnreadStore.NewMessage added) {
      return UnreadEvents.addedBatch(
          message.toTroupeId(), message.id(), added.items(), counts, quiet, notice);
    }
  }

  void messageStored(@Observes MessageStored stored) {
    long started = System.nanoTime();
    ChatMessage message = stored.message();
    Map<String, Integer> members = memberFlags.of(message.toTroupeId());
    lanes.run(message.toTroupeId(), pending(message, members, stored.notice()));
    metrics.unreadFanout(Duration.ofNanos(System.nanoTime() - started));
  }

  /** Who of the members ({@code userId → flags}) and the mentioned outsiders gets what. */
  private Pending pending(
      ChatMessage message, Map<String, Integer> flagsByMember, MessageNotice notice) {
    Set<String> mentioned = mentionedIds(message);
    boolean all = message.mentions().stream().anyMatch(Mention::announcement);
    List<UnreadStore.Item> items = new ArrayList<>();
    Set<String> members = new java.util.HashSet<>();
    List<String> quiet = new ArrayList<>();
    for (Map.Entry<String, Integer> member : flagsByMember.entrySet()) {
      String userId = member.getKey();
      int flags = member.getValue();
      members.add(userId);
      if (userId.equals(message.fromUserId())) {
        continue;
      }
      boolean mention =
          (mentioned.contains(userId) && Flags.has(flags, Flags.MENTION))
              || (all && Flags.has(flags, Flags.ANNOUNCEMENT));
      if (mention || Flags.has(flags, Flags.UNREAD)) {
        items.add(new UnreadStore.Item(userId, true, mention));
      } else {
        quiet.add(userId);
      }
    }
    items.addAll(outsidersWhoMayJoin(message, mentioned, members));
    return new Pending(message, items, quiet, notice);
  }

  /** Members of the room the {@link #warmUp} makes up: a big room, as the bench's. */
  static final int WARM_UP_MEMBERS = 1_000;

  /** Its messages: enough for the JIT to compile the per-member loops (issue 18). */
  static final int WARM_UP_MESSAGES = 30;

  /**
   * Runs a big room's unread work before the instance says it is ready: on a fresh instance the
   * first messages to a room of a thousand members ran its per-member loops interpreted (who gets
   * what, the script call's arguments, its counts, the batch's JSON), and their senders and every
   * other request waited for the CPU. The members and the room are made up ({@code
   * warm-up:<random>:<n>}, no account or room has such an id); the same code as for a real message
   * runs up to the published batch, which is built but not published, and no one is told. What the
   * script wrote is taken back at the end, which leaves no key behind (unless Redis fails on the
   * way: {@link #takeBack}).
   *
   * @return the people's items written and taken back
   */
  public int warmUp() {
    String roomId = "warm-up:" + new ObjectId().toHexString();
    Map<String, Integer> members = new LinkedHashMap<>();
    for (int i = 0; i < WARM_UP_MEMBERS; i++) {
      members.put(roomId + ":" + i, Flags.UNREAD | Flags.MENTION | Flags.ANNOUNCEMENT);
    }
    String sender = roomId + ":0";
    List<String> messageIds = new ArrayList<>();
    int items = 0;
    RuntimeException failure = null;
    try {
      for (int m = 0; m < WARM_UP_MESSAGES; m++) {
        var message =
            ChatMessage.written(
                new ObjectId().toHexString(),
                new ChatMessage.Authored(roomId, sender, null, "warm-up", false),
                "warm-up",
                List.of(),
                List.of(),
                List.of(),
                false,
                System.currentTimeMillis());
        messageIds.add(message.id());
        Pending pending = pending(message, members, null);
        var added = store.addAll(roomId, List.of(pending.unread()));
        UnreadNews.of(added.messages(), added.counts());
        pending.batch(added.counts(), added.messages().get(0)).toJson();
        items += pending.items().size();
      }
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      // from those who got items: taking back what the sender never had would be remembered as read
      Set<String> receivers = new java.util.HashSet<>(members.keySet());
      receivers.remove(sender);
      takeBack(receivers, roomId, messageIds, failure);
    }
    return items;
  }

  /**
   * Removes what the warm-up wrote. Should Redis fail half-way, the first failure is the one
   * thrown, and the made-up people's keys may stay: nothing reads them, and no real id looks so.
   */
  private void takeBack(
      Set<String> people, String roomId, List<String> messageIds, RuntimeException failure) {
    if (messageIds.isEmpty()) {
      return;
    }
    try {
      store.removeFor(people, roomId, messageIds, true);
    } catch (RuntimeException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    }
  }

  /**
   * One script call for a batch of a room's messages, then each message's events in order. The
   * messages are stored and delivered already: a failure here (other than Redis away, which the
   * outbox waits out) costs their unread items, and is not made the senders' failure.
   */
  private void addAll(List<Pending> batch) {
    metrics.unreadBatch(batch.size());
    ChatMessage first = batch.get(0).message();
    String what =
        batch.size() == 1
            ? "unread items of message " + first.id()
            : "unread items of " + batch.size() + " messages from " + first.id();
    try {
      outbox.run(what, () -> addNow(batch));
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.WARNING, "Lost the " + what, e);
    }
  }

  private void addNow(List<Pending> batch) {
    List<UnreadStore.NewMessage> messages = batch.stream().map(Pending::unread).toList();
    var added = store.addAll(batch.get(0).message().toTroupeId(), messages);
    // people who had read a message already are not told of an item they did not get
    var news = UnreadNews.of(added.messages(), added.counts());
    for (int i = 0; i < batch.size(); i++) {
      Pending pending = batch.get(i);
      ChatMessage message = pending.message();
      events.added(pending.batch(added.counts(), added.messages().get(i)));
      announce(message, news.get(i));
    }
  }

  /** Tells later work on unread state (mail) who has a first unread message or a mention. */
  private void announce(ChatMessage message, UnreadNews.Of news) {
    var arrival =
        new UnreadArrived(
            message.toTroupeId(),
            message.id(),
            message.sent(),
            news.firstUnread(),
            news.mentioned());
    if (!arrival.isEmpty()) {
      arrived.fire(arrival);
    }
  }

  /** Mentioned people outside the room get the mention when they could join the room. */
  private List<UnreadStore.Item> outsidersWhoMayJoin(
      ChatMessage message, Set<String> mentioned, Set<String> members) {
    var outsiders =
        mentioned.stream()
            .filter(id -> !members.contains(id) && !id.equals(message.fromUserId()))
            .toList();
    if (outsiders.isEmpty()) {
      return List.of();
    }
    return rooms
        .findById(message.toTroupeId())
        .map(
            room ->
                outsiders.stream()
                    .filter(id -> access.of(room, id).join())
                    .map(id -> new UnreadStore.Item(id, true, true))
                    .toList())
        .orElse(List.of());
  }

  /** Added mentions become unread mentions; removed ones leave the mention set. */
  void messageEdited(@Observes MessageEdited edited) {
    ChatMessage after = edited.after();
    Set<String> before = mentionedIds(edited.before());
    Set<String> now = mentionedIds(after);
    Map<String, Integer> byUser = memberFlags.of(after.toTroupeId());
    List<UnreadStore.Item> added =
        now.stream()
            .filter(id -> !before.contains(id) && !id.equals(after.fromUserId()))
            .filter(id -> byUser.containsKey(id) && Flags.has(byUser.get(id), Flags.MENTION))
            .map(id -> new UnreadStore.Item(id, true, true))
            .toList();
    List<String> dropped = before.stream().filter(id -> !now.contains(id)).toList();
    outbox.run(
        "mentions of edited message " + after.id(),
        () -> {
          var edit = List.of(new UnreadStore.NewMessage(after.id(), after.sent(), added));
          var addedCounts = store.addMentions(after.toTroupeId(), edit);
          events.added(
              UnreadEvents.addedBatch(
                  after.toTroupeId(), after.id(), added, addedCounts, List.of(), null));
          announce(after, UnreadNews.of(edit, addedCounts).get(0));
          var droppedCounts =
              store.removeFor(dropped, after.toTroupeId(), List.of(after.id()), false);
          events.removed(after.toTroupeId(), List.of(), List.of(after.id()), droppedCounts);
        });
  }

  void messageRemoved(@Observes MessageRemoved removed) {
    Set<String> userIds = new java.util.LinkedHashSet<>(removed.mentionedUserIds());
    userIds.addAll(memberFlags.of(removed.roomId()).keySet());
    outbox.run(
        "unread items of removed message " + removed.messageId(),
        () -> {
          var counts =
              store.removeFor(userIds, removed.roomId(), List.of(removed.messageId()), true);
          events.removed(
              removed.roomId(), List.of(removed.messageId()), List.of(removed.messageId()), counts);
        });
  }

  void roomDeleted(@Observes RoomDeleted deleted) {
    outbox.run(
        "unread items of deleted room " + deleted.roomId(),
        () -> deleted.memberIds().forEach(userId -> store.clear(userId, deleted.roomId())));
  }

  private static Set<String> mentionedIds(ChatMessage message) {
    return message.mentions().stream()
        .map(Mention::userId)
        .filter(id -> id != null)
        .collect(Collectors.toSet());
  }
}
