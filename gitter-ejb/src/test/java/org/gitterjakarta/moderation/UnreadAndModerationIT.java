package org.gitterjakarta.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bson.types.ObjectId;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gitterjakarta.communities.boundary.Groups;
import org.gitterjakarta.communities.boundary.NewCommunity;
import org.gitterjakarta.events.control.LiveEvents;
import org.gitterjakarta.memberships.boundary.Memberships;
import org.gitterjakarta.memberships.boundary.NotificationSettings;
import org.gitterjakarta.messages.boundary.ChatMessageJson;
import org.gitterjakarta.messages.boundary.HistoryQuery;
import org.gitterjakarta.messages.boundary.Messages;
import org.gitterjakarta.messages.boundary.ReadBy;
import org.gitterjakarta.messages.control.MessageStore;
import org.gitterjakarta.messages.control.ReadByFlusher;
import org.gitterjakarta.messages.entity.ChatMessage;
import org.gitterjakarta.messages.entity.Mention;
import org.gitterjakarta.messages.entity.MessageStored;
import org.gitterjakarta.moderation.boundary.Bans;
import org.gitterjakarta.moderation.boundary.Reports;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.redis.control.Redis;
import org.gitterjakarta.redis.control.RedisRole;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.testing.TestDeployments;
import org.gitterjakarta.unread.boundary.UnreadItems;
import org.gitterjakarta.unread.control.UnreadStore;
import org.gitterjakarta.unread.entity.UnreadArrived;
import org.gitterjakarta.unread.entity.UnreadBatch;
import org.gitterjakarta.users.boundary.NewAccount;
import org.gitterjakarta.users.boundary.Users;
import org.gitterjakarta.users.control.UserRepository;
import org.gitterjakarta.users.entity.User;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;

/**
 * Unread state, notification modes, read receipts, bans, reports and presence in the container on
 * the real stores: exact counts under concurrent senders and readers, what each mode lets through,
 * the ban matrix, report weighting with accounts of different ages, and presence clean-up.
 */
@ExtendWith(ArquillianExtension.class)
class UnreadAndModerationIT {

  @Deployment
  static WebArchive deployment() {
    return TestDeployments.chat("moderation").addClass(UnreadAndModerationIT.class);
  }

  @Inject Users users;
  @Inject UserRepository userStore;
  @Inject Groups groups;
  @Inject Rooms rooms;
  @Inject Memberships memberships;
  @Inject Messages messages;
  @Inject UnreadItems unreadItems;
  @Inject UnreadStore unread;
  @Inject MessageStore messageStore;
  @Inject Event<MessageStored> stored;
  @Inject NotificationSettings notifications;
  @Inject ReadBy readBy;
  @Inject ReadByFlusher flusher;
  @Inject Arrivals arrivals;
  @Inject Bans bans;
  @Inject Reports reports;
  @Inject org.gitterjakarta.presence.boundary.Presence presence;

  @Inject
  @Redis(RedisRole.PERSIST)
  UnifiedJedis persist;

  @Inject
  @ConfigProperty(name = "gitter.redis.pubsub.uri")
  String pubsubUri;

  @Resource(lookup = "java:comp/DefaultManagedExecutorService")
  ManagedExecutorService executor;

  String admin;
  String roomId;

  @BeforeEach
  void room() {
    admin = person("adm");
    var created = groups.create(admin, new NewCommunity("c" + suffix(), "Community", null));
    roomId = created.defaultRoom().id();
  }

  String person(String prefix) {
    return users.register(new NewAccount(prefix + suffix(), "password123", null, null, false)).id();
  }

  /** An account created {@code days} ago: ids carry their creation time. */
  String veteran(int days) {
    Date created = Date.from(Instant.now().minus(Duration.ofDays(days)));
    String name = "vet" + suffix();
    userStore.insert(
        User.create(new ObjectId(created).toHexString(), name, null, null, null, false));
    return userStore.findByLcUsername(name).orElseThrow().id();
  }

  static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  String member(String prefix) {
    String id = person(prefix);
    memberships.join(id, roomId);
    return id;
  }

  @Test
  void countsStayExactUnderConcurrentSendersAndReaders() throws Exception {
    List<String> senders = List.of(admin, member("s1"), member("s2"));
    List<String> readers = List.of(member("r1"), member("r2"), member("r3"));
    List<Future<String>> sent = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String sender = senders.get(i % senders.size());
      int n = i;
      sent.add(executor.submit(() -> messages.send(sender, roomId, "m" + n, false, null).id()));
    }
    List<String> ids = new ArrayList<>();
    for (Future<String> f : sent) {
      ids.add(f.get());
    }

    for (String reader : readers) {
      assertThat(unread.of(reader, roomId).chat()).containsExactlyInAnyOrderElementsOf(ids);
    }
    assertThat(unread.of(senders.get(1), roomId).chat()).hasSize(20);
    for (String reader : readers) {
      assertThat(unreadItems.all(reader))
          .as("the badge counts what the concurrent batches stored")
          .extracting(UnreadItems.RoomUnread::id, UnreadItems.RoomUnread::unreadItems)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(roomId, 30));
    }

    List<Future<?>> reads = new ArrayList<>();
    for (String reader : readers) {
      for (int part = 0; part < 3; part++) {
        List<String> slice = ids.subList(part * 10, part * 10 + 10);
        reads.add(
            executor.submit(
                (Callable<Void>)
                    () -> {
                      unreadItems.markRead(reader, roomId, slice, List.of());
                      return null;
                    }));
      }
    }
    for (Future<?> f : reads) {
      f.get();
    }
    for (String reader : readers) {
      assertThat(unread.of(reader, roomId).chat()).isEmpty();
      assertThat(unreadItems.all(reader)).isEmpty();
    }

    flusher.flushNow();
    assertThat(readBy.readers(admin, roomId, ids.get(0)))
        .extracting(u -> u.id())
        .containsExactlyInAnyOrderElementsOf(readers);
    assertThat(messages.get(admin, roomId, ids.get(0)).readBy()).isEqualTo(3);
  }

  /**
   * "Mark all as read" while a stored message's unread work has yet to run (the message was
   * published when it was stored, so the reader could see it): it stays read for the reader and is
   * unread for the others; a message sent after the marking is unread for everyone. The reader is
   * not told of the item they did not get either (the message mentions them): neither the live
   * unread event (which would badge the room again in their clients) nor the news the unread mail
   * digest acts on names them.
   */
  @Test
  void markingAllReadCoversStoredMessagesWhoseUnreadWorkComesLater() throws Exception {
    String reader = member("ma");
    String other = member("mo");
    String before = messages.send(admin, roomId, "read before the marking", false, null).id();
    String latecomer = member("ml"); // the waiting message is their first unread one
    var waiting =
        ChatMessage.written(
            new ObjectId().toHexString(),
            new ChatMessage.Authored(roomId, admin, null, "counted after the marking", false),
            "<p>counted after the marking</p>",
            List.of(),
            List.of(Mention.person("ma", reader), Mention.person("mo", other)),
            List.of(),
            true,
            System.currentTimeMillis());
    messageStore.insert(waiting);

    unreadItems.markAllRead(reader, roomId);
    arrivals.watch(waiting.id());
    var live = new LiveUnreadBatches(URI.create(pubsubUri));
    Future<?> listening = executor.submit(live);
    String after;
    try {
      live.awaitSubscribed(listening);
      stored.fire(new MessageStored(waiting, null)); // the send's unread work, late
      after = messages.send(admin, roomId, "sent after the marking", false, null).id();
      live.awaitMessage(after); // published in order: the late work's batch came before it
    } finally {
      live.end(listening); // never throws: a failure above stays the test's failure
    }

    assertThat(live.forMessage(waiting.id()))
        .singleElement()
        .satisfies(
            batch ->
                assertThat(batch.people())
                    .extracting(UnreadBatch.Person::userId)
                    .contains(other, latecomer)
                    .doesNotContain(reader));
    assertThat(arrivals.of(waiting.id()))
        .singleElement()
        .satisfies(
            news -> {
              assertThat(news.mentioned()).containsExactly(other);
              assertThat(news.firstUnread()).containsExactly(latecomer);
            });
    assertThat(unread.of(reader, roomId).chat()).containsExactly(after);
    assertThat(unread.of(other, roomId).chat()).containsExactly(before, waiting.id(), after);
    assertThat(unread.of(latecomer, roomId).chat()).containsExactly(waiting.id(), after);
    assertThat(unreadItems.all(reader))
        .extracting(UnreadItems.RoomUnread::id, UnreadItems.RoomUnread::unreadItems)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(roomId, 1));
    flusher.flushNow();
    assertThat(readBy.readers(admin, roomId, before))
        .as("what was unread when marked counts as read by the reader")
        .extracting(u -> u.id())
        .containsExactly(reader);
  }

  /**
   * The warm-up before readiness runs a thousand made-up people's unread work through the real
   * script and takes it back: no key of theirs is left, and real people's counts do not move.
   */
  @Test
  void warmingUpTheUnreadWorkLeavesNoKeyAndNoCountBehind() {
    String reader = member("wr");
    String sent = messages.send(admin, roomId, "before the warm-up", false, null).id();

    int items = unreadItems.warmUp();

    assertThat(items).as("999 people (not the sender) for each of 30 messages").isEqualTo(29_970);
    var leftovers = new ArrayList<String>();
    var scan = new ScanParams().match("*warm-up:*").count(1_000);
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      var page = persist.scan(cursor, scan);
      leftovers.addAll(page.getResult());
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    assertThat(leftovers).isEmpty();
    assertThat(unread.of(reader, roomId).chat()).containsExactly(sent);
    assertThat(unreadItems.all(reader))
        .extracting(UnreadItems.RoomUnread::id, UnreadItems.RoomUnread::unreadItems)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(roomId, 1));
  }

  @Test
  void modesDecideWhatEachPersonCollects() {
    String everything = member("all");
    String announcements = member("ann");
    String muted = member("mute");
    notifications.change(announcements, roomId, "announcement");
    notifications.change(muted, roomId, "mute");
    String mutedName = users.find(muted).orElseThrow().username();

    String plain = messages.send(admin, roomId, "plain", false, null).id();
    String direct = messages.send(admin, roomId, "@" + mutedName + " look", false, null).id();
    String all = messages.send(admin, roomId, "@/all listen", false, null).id();

    assertThat(unread.of(everything, roomId).chat()).containsExactly(plain, direct, all);
    assertThat(unread.of(everything, roomId).mention()).containsExactly(all);
    assertThat(unread.of(announcements, roomId).chat()).containsExactly(plain, direct, all);
    assertThat(unread.of(announcements, roomId).mention()).containsExactly(all);
    assertThat(unread.of(muted, roomId).chat()).containsExactly(direct);
    assertThat(unread.of(muted, roomId).mention()).containsExactly(direct);

    notifications.changeDefault(muted, "all", true);
    assertThat(notifications.get(muted, roomId).mode()).isEqualTo("all");
    assertThat(notifications.get(muted, roomId).followsDefault()).isTrue();
    messages.send(admin, roomId, "now you hear me", false, null);
    assertThat(unread.of(muted, roomId).chat()).hasSize(2);
    assertThat(refusal(() -> notifications.change(muted, roomId, "loud")))
        .isEqualTo(Problem.Kind.INVALID);
  }

  @Test
  void bannedPeopleFailEveryCheck() {
    String troublemaker = member("tm");
    String name = users.find(troublemaker).orElseThrow().username();
    String other = member("other");
    String spam = messages.send(troublemaker, roomId, "buy now", false, null).id();
    assertThat(unread.of(other, roomId).chat()).containsExactly(spam);

    bans.ban(admin, roomId, name, true);

    assertThat(refusal(() -> rooms.readable(troublemaker, roomId)))
        .isEqualTo(Problem.Kind.NOT_FOUND);
    assertThat(refusal(() -> memberships.join(troublemaker, roomId)))
        .isEqualTo(Problem.Kind.NOT_FOUND);
    assertThat(refusal(() -> messages.send(troublemaker, roomId, "again", false, null)))
        .isEqualTo(Problem.Kind.NOT_FOUND);
    assertThat(refusal(() -> messages.history(troublemaker, roomId, HistoryQuery.latest())))
        .isEqualTo(Problem.Kind.NOT_FOUND);
    assertThat(refusal(() -> memberships.add(admin, roomId, name)))
        .as("an admin cannot add a banned person back without unbanning")
        .isEqualTo(Problem.Kind.NOT_ALLOWED);
    assertThat(messages.history(admin, roomId, HistoryQuery.latest())).isEmpty();
    assertThat(unread.of(other, roomId).chat()).as("removed messages leave unread state").isEmpty();
    assertThat(
            refusal(
                () -> bans.ban(admin, roomId, users.find(admin).orElseThrow().username(), false)))
        .isEqualTo(Problem.Kind.INVALID);

    bans.unban(admin, roomId, name);
    memberships.join(troublemaker, roomId);
    assertThat(messages.send(troublemaker, roomId, "behaving", false, null).text())
        .isEqualTo("behaving");
  }

  @Test
  void heavilyReportedMessagesAreRemoved() {
    String author = member("auth");
    String newcomer = member("new");
    String halfTrusted = veteran(91);
    String trusted = veteran(400);
    memberships.join(halfTrusted, roomId);
    ChatMessageJson message = messages.send(author, roomId, "rude words", false, null);

    assertThat(reports.report(newcomer, roomId, message.id()).weight()).isZero();
    assertThat(reports.report(halfTrusted, roomId, message.id()).weight()).isBetween(0.49, 0.51);
    assertThat(messages.get(admin, roomId, message.id()).text()).isEqualTo("rude words");
    assertThat(reports.report(trusted, roomId, message.id()).weight()).isEqualTo(1.0);
    assertThat(refusal(() -> messages.get(admin, roomId, message.id())))
        .as("still under 2: 0 + 0.5 + 1")
        .isNull();

    String trustedAgain = veteran(300);
    reports.report(trustedAgain, roomId, message.id());
    assertThat(refusal(() -> messages.get(admin, roomId, message.id())))
        .as("removed once reports weigh 2 or more")
        .isEqualTo(Problem.Kind.NOT_FOUND);
  }

  @Test
  void presenceForgetsTheSocketsOfInstancesThatDied() {
    String person = member("on");
    presence.heartbeat("alive-" + suffix(), 60);
    presence.connected("sock-" + person, person, false, "dead-" + suffix());
    presence.lookingAt("sock-" + person, roomId, true);
    assertThat(presence.online(List.of(person))).containsExactly(person);
    assertThat(presence.inRoom(roomId)).containsExactly(person);

    assertThat(presence.collectDeadInstances()).isGreaterThanOrEqualTo(1);

    assertThat(presence.online(List.of(person))).isEmpty();
    assertThat(presence.inRoom(roomId)).isEmpty();
  }

  private static Problem.Kind refusal(ThrowingCallable call) {
    Throwable failure = catchThrowable(call);
    if (failure == null) {
      return null;
    }
    assertThat(failure).as("a refusal").isInstanceOf(Problem.class);
    return ((Problem) failure).kind();
  }

  /**
   * What the unread work announced to later work on unread state (the mail digest) for the messages
   * a test watches. Every chat test deployment holds this package, so it keeps nothing else.
   */
  @ApplicationScoped
  static class Arrivals {

    private final java.util.Set<String> watched =
        java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final List<UnreadArrived> seen = new CopyOnWriteArrayList<>();

    void watch(String messageId) {
      watched.add(messageId);
    }

    void arrived(@Observes UnreadArrived news) {
      if (watched.contains(news.messageId())) {
        seen.add(news);
      }
    }

    List<UnreadArrived> of(String messageId) {
      return seen.stream().filter(news -> news.messageId().equals(messageId)).toList();
    }
  }

  /**
   * The unread batches published on the live Redis channel (what realtime instances turn into
   * people's {@code unread_items} events) from its subscription to its {@link #end}, on a
   * connection of its own: closing it ends a subscription however it stands.
   */
  static class LiveUnreadBatches extends JedisPubSub implements Runnable {

    private final Jedis connection;
    private final List<UnreadBatch> batches = new CopyOnWriteArrayList<>();
    private final CountDownLatch subscribed = new CountDownLatch(1);

    LiveUnreadBatches(URI redis) {
      this.connection = new Jedis(redis);
    }

    @Override
    public void run() {
      connection.subscribe(this, LiveEvents.REDIS_CHANNEL);
    }

    @Override
    public void onSubscribe(String channel, int subscribedChannels) {
      subscribed.countDown();
    }

    @Override
    public void onMessage(String channel, String message) {
      try (var reader = Json.createReader(new StringReader(message))) {
        JsonObject event = reader.readObject();
        if (UnreadBatch.CHANNEL.equals(event.getString("channel", null))) {
          batches.add(UnreadBatch.parse(event.getJsonObject("data").toString()));
        }
      }
    }

    /** Fails with the subscription's own failure when it ended without subscribing. */
    void awaitSubscribed(Future<?> listening) throws Exception {
      long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!subscribed.await(20, TimeUnit.MILLISECONDS)) {
        if (listening.isDone()) {
          listening.get(); // throws what ended it
          throw new AssertionError("the subscription ended before it was made");
        }
        if (System.nanoTime() > giveUp) {
          throw new AssertionError("not subscribed to " + LiveEvents.REDIS_CHANNEL + " in 10 s");
        }
      }
    }

    /**
     * Unsubscribes, gives the subscription's thread a moment to end, then closes the connection,
     * which ends the thread if it is still reading. Throws nothing.
     */
    void end(Future<?> listening) {
      try {
        if (isSubscribed()) {
          unsubscribe();
        }
        listening.get(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException | RuntimeException notCleanly) {
        // the connection's close below ends it; the test has asserted what it needed
      } finally {
        connection.close();
      }
    }

    void awaitMessage(String messageId) throws InterruptedException {
      long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (forMessage(messageId).isEmpty() && System.nanoTime() < giveUp) {
        Thread.sleep(20);
      }
      assertThat(forMessage(messageId)).as("the unread batch of " + messageId).isNotEmpty();
    }

    List<UnreadBatch> forMessage(String messageId) {
      return batches.stream()
          .filter(batch -> batch.added() && batch.chatIds().contains(messageId))
          .toList();
    }
  }
}
