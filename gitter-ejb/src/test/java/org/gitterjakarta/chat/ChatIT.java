package org.gitterjakarta.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.gitterjakarta.communities.boundary.Groups;
import org.gitterjakarta.communities.boundary.NewCommunity;
import org.gitterjakarta.memberships.boundary.Memberships;
import org.gitterjakarta.memberships.boundary.NotificationSettings;
import org.gitterjakarta.messages.boundary.HistoryQuery;
import org.gitterjakarta.messages.boundary.Messages;
import org.gitterjakarta.mongo.control.StoreQueries;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.NewRoom;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.rooms.entity.RoomSecurity;
import org.gitterjakarta.roomviews.boundary.RoomViews;
import org.gitterjakarta.testing.TestDeployments;
import org.gitterjakarta.unread.control.UnreadStore;
import org.gitterjakarta.users.boundary.NewAccount;
import org.gitterjakarta.users.boundary.Users;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chat boundaries in the container, on the real stores: the permission matrix of who may read,
 * join and write in each kind of room (anonymous, outsider, community member, room member, admin),
 * and the message rules that hold whatever the client.
 */
@ExtendWith(ArquillianExtension.class)
class ChatIT {

  @Deployment
  static WebArchive deployment() {
    return TestDeployments.chat("chat").addClass(ChatIT.class);
  }

  @Inject Users users;
  @Inject Groups groups;
  @Inject Rooms rooms;
  @Inject Memberships memberships;
  @Inject Messages messages;
  @Inject RoomViews roomViews;
  @Inject NotificationSettings notifications;
  @Inject org.gitterjakarta.unread.control.UnreadStore unread;
  @Inject com.mongodb.client.MongoDatabase database;

  String admin;
  String communityMember;
  String outsider;
  String groupId;

  @BeforeEach
  void community() {
    admin = person("adm");
    communityMember = person("cm");
    outsider = person("out");
    var created = groups.create(admin, new NewCommunity("c" + suffix(), "Community", null));
    groupId = created.group().id();
    memberships.join(communityMember, created.defaultRoom().id());
  }

  String person(String prefix) {
    return users.register(new NewAccount(prefix + suffix(), "password123", null, null, false)).id();
  }

  static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  Room room(RoomSecurity security) {
    return rooms.create(admin, groupId, new NewRoom("r" + suffix(), null, security));
  }

  @Test
  void publicRoomsAreReadByAllJoinedBySignedInPeopleWrittenByMembers() {
    Room room = room(RoomSecurity.PUBLIC);
    messages.send(admin, room.id(), "welcome", false, null);

    assertThat(messages.history(null, room.id(), HistoryQuery.latest())).hasSize(1);
    assertThat(messages.history(outsider, room.id(), HistoryQuery.latest())).hasSize(1);
    assertThat(refusal(() -> messages.send(outsider, room.id(), "hi", false, null)))
        .isEqualTo(Problem.Kind.NOT_ALLOWED);
    assertThat(refusal(() -> memberships.join(null, room.id())))
        .isEqualTo(Problem.Kind.NOT_ALLOWED);

    memberships.join(outsider, room.id());
    assertThat(messages.send(outsider, room.id(), "hi", false, null).text()).isEqualTo("hi");
  }

  @Test
  void privateRoomsAreInvisibleToEveryoneButMembersAndAdmins() {
    Room room = room(RoomSecurity.PRIVATE);

    for (String stranger : new String[] {null, outsider, communityMember}) {
      assertThat(refusal(() -> rooms.readable(stranger, room.id())))
          .isEqualTo(Problem.Kind.NOT_FOUND);
      assertThat(refusal(() -> memberships.join(stranger, room.id())))
          .isEqualTo(Problem.Kind.NOT_FOUND);
    }
    String username = users.find(outsider).orElseThrow().username();
    assertThat(refusal(() -> memberships.add(communityMember, room.id(), username)))
        .isEqualTo(Problem.Kind.NOT_FOUND);

    memberships.add(admin, room.id(), username);
    assertThat(messages.send(outsider, room.id(), "in", false, null).text()).isEqualTo("in");
  }

  @Test
  void exploreListsPublicRoomsNewestFirstAndNeverPrivateOnes() throws InterruptedException {
    Room older = room(RoomSecurity.PUBLIC);
    Thread.sleep(5); // creation times are in milliseconds
    Room secret = room(RoomSecurity.PRIVATE);
    Room newer = room(RoomSecurity.PUBLIC);

    var listed = roomViews.explore(null, 100).stream().map(r -> r.id()).toList();
    assertThat(listed).contains(older.id(), newer.id()).doesNotContain(secret.id());
    assertThat(listed.indexOf(newer.id())).isLessThan(listed.indexOf(older.id()));
  }

  @Test
  void theLeftMenuAndExploreCostTheSameStoreQueriesWhateverTheirLength() {
    String reader = person("menu");
    String readerName = users.find(reader).orElseThrow().username();
    // every kind of room the menu describes: joined, muted, private, one-to-one
    Room joined = room(RoomSecurity.PUBLIC);
    memberships.join(reader, joined.id());
    Room muted = room(RoomSecurity.PUBLIC);
    memberships.join(reader, muted.id());
    notifications.change(reader, muted.id(), "mute");
    memberships.add(admin, room(RoomSecurity.PRIVATE).id(), readerName);
    rooms.resolve(reader, users.find(admin).orElseThrow().username());
    messages.send(admin, muted.id(), "while muted", false, null);

    int shortMenu = roomViews.roomsOf(reader).size();
    long shortMenuQueries = queriesOf(() -> roomViews.roomsOf(reader));
    long shortExploreQueries = queriesOf(() -> roomViews.explore(reader, 3));
    assertThat(shortMenuQueries).as("the store is asked at all").isPositive();
    for (int i = 0; i < 12; i++) {
      Room more = room(i % 3 == 0 ? RoomSecurity.PRIVATE : RoomSecurity.PUBLIC);
      memberships.add(admin, more.id(), readerName);
      messages.send(admin, more.id(), "hello " + i, false, null);
    }
    rooms.resolve(reader, users.find(communityMember).orElseThrow().username());

    var menu = roomViews.roomsOf(reader);
    assertThat(menu).hasSize(shortMenu + 13);
    assertThat(menu)
        .filteredOn(r -> r.id().equals(muted.id()))
        .singleElement()
        .satisfies(r -> assertThat(r.activity()).isTrue());
    assertThat(queriesOf(() -> roomViews.roomsOf(reader))).isEqualTo(shortMenuQueries);
    assertThat(roomViews.explore(reader, 30)).hasSizeGreaterThan(3);
    assertThat(queriesOf(() -> roomViews.explore(reader, 30))).isEqualTo(shortExploreQueries);
  }

  /** MongoDB commands a call sends from this thread (Redis round trips are not counted). */
  static long queriesOf(Runnable call) {
    long before = StoreQueries.sentByThisThread();
    call.run();
    return StoreQueries.sentByThisThread() - before;
  }

  @Test
  void inheritedRoomsAreOpenToTheCommunityOnly() {
    Room room = room(RoomSecurity.INHERITED);

    assertThat(rooms.readable(communityMember, room.id()).id()).isEqualTo(room.id());
    memberships.join(communityMember, room.id());
    assertThat(refusal(() -> rooms.readable(outsider, room.id())))
        .isEqualTo(Problem.Kind.NOT_FOUND);
    assertThat(refusal(() -> rooms.readable(null, room.id()))).isEqualTo(Problem.Kind.NOT_FOUND);
  }

  @Test
  void onlyAdminsChangeDeleteOrKick() {
    Room room = room(RoomSecurity.PUBLIC);
    memberships.join(outsider, room.id());
    memberships.join(communityMember, room.id());

    assertThat(
            refusal(
                () ->
                    rooms.update(
                        outsider,
                        room.id(),
                        new org.gitterjakarta.rooms.boundary.RoomChanges(
                            "mine", null, null, null))))
        .isEqualTo(Problem.Kind.NOT_ALLOWED);
    assertThat(refusal(() -> memberships.remove(outsider, room.id(), communityMember)))
        .isEqualTo(Problem.Kind.NOT_ALLOWED);
    assertThat(refusal(() -> rooms.delete(outsider, room.id())))
        .isEqualTo(Problem.Kind.NOT_ALLOWED);

    memberships.remove(admin, room.id(), outsider);
    rooms.delete(admin, room.id());
    assertThat(refusal(() -> rooms.readable(admin, room.id()))).isEqualTo(Problem.Kind.NOT_FOUND);
  }

  @Test
  void oneToOneRoomsAreCreatedOnceAndPrivateToTheirPair() {
    String username = users.find(outsider).orElseThrow().username();

    Room first = rooms.resolve(admin, username);
    Room again = rooms.resolve(outsider, users.find(admin).orElseThrow().username());

    assertThat(again.id()).isEqualTo(first.id());
    messages.send(outsider, first.id(), "hello", false, null);
    assertThat(refusal(() -> rooms.readable(communityMember, first.id())))
        .isEqualTo(Problem.Kind.NOT_FOUND);
    assertThat(refusal(() -> memberships.remove(admin, first.id(), admin)))
        .isEqualTo(Problem.Kind.INVALID);
    assertThat(refusal(() -> rooms.resolve(admin, users.find(admin).orElseThrow().username())))
        .isEqualTo(Problem.Kind.NOT_FOUND);
  }

  @Test
  void countsAndKeepsThreadsAndMentionsOnlyRealPeopleAndAllOnlyFromAdmins() {
    Room room = room(RoomSecurity.PUBLIC);
    memberships.join(outsider, room.id());
    String adminName = users.find(admin).orElseThrow().username();

    var parent =
        messages.send(outsider, room.id(), "@" + adminName + " @nobody-here @/all", false, null);
    messages.send(admin, room.id(), "reply", false, parent.id());
    var announcement = messages.send(admin, room.id(), "@/all listen", false, null);

    assertThat(parent.mentions()).extracting(m -> m.screenName()).containsExactly(adminName);
    assertThat(announcement.mentions()).extracting(m -> m.screenName()).containsExactly("/all");
    assertThat(messages.get(outsider, room.id(), parent.id()).threadMessageCount()).isEqualTo(1);
    assertThat(
            refusal(
                () ->
                    messages.send(
                        admin,
                        room.id(),
                        "nested",
                        false,
                        messages
                            .thread(admin, room.id(), parent.id(), HistoryQuery.latest())
                            .get(0)
                            .id())))
        .isEqualTo(Problem.Kind.INVALID);
  }

  @Test
  void keepsTheNewestHundredUnreadItemsAndCountsThemExactly() {
    String roomId = "r" + suffix();
    for (int i = 0; i < 105; i++) {
      var item =
          new org.gitterjakarta.unread.control.UnreadStore.Item(outsider, true, i == 0 || i == 104);
      unread.addAll(
          roomId,
          List.of(
              new UnreadStore.NewMessage(String.format("m%03d", i), 1_000L + i, List.of(item))));
    }

    var state = unread.of(outsider, roomId);
    assertThat(state.chat()).hasSize(100).startsWith("m005").endsWith("m104");
    assertThat(state.mention()).containsExactlyInAnyOrder("m000", "m104");

    unread.remove(outsider, roomId, java.util.List.of("m104", "m050"));
    assertThat(unread.of(outsider, roomId).chat()).hasSize(98);
    assertThat(unread.of(outsider, roomId).mention()).containsExactly("m000");
    unread.clear(outsider, roomId);
    assertThat(unread.of(outsider, roomId).chat()).isEmpty();
  }

  @Test
  void storesABatchOfMessagesInOneCallWithEachPersonsCounts() {
    String roomId = "r" + suffix();
    String reader = "reader" + suffix();
    String mentioned = "mentioned" + suffix();
    unread.addAll(
        roomId,
        List.of(
            new UnreadStore.NewMessage(
                "m0", 1_000L, List.of(new UnreadStore.Item(reader, true, false)))));

    var batch =
        List.of(
            new UnreadStore.NewMessage(
                "m1",
                1_001L,
                List.of(
                    new UnreadStore.Item(reader, true, false),
                    new UnreadStore.Item(mentioned, true, true))),
            new UnreadStore.NewMessage(
                "m2", 1_002L, List.of(new UnreadStore.Item(reader, true, false))),
            new UnreadStore.NewMessage(
                "m3", 1_003L, List.of(new UnreadStore.Item(mentioned, false, true))));
    var counts = unread.addAll(roomId, batch).counts();

    assertThat(counts)
        .containsEntry(reader, new UnreadStore.Counts(3, 0))
        .containsEntry(mentioned, new UnreadStore.Counts(1, 2));
    assertThat(unread.of(reader, roomId).chat()).containsExactly("m0", "m1", "m2");
    assertThat(unread.of(mentioned, roomId).chat()).containsExactly("m1");
    assertThat(unread.of(mentioned, roomId).mention()).containsExactlyInAnyOrder("m1", "m3");
    assertThat(unread.roomsWithMentions(mentioned)).containsExactly(roomId);
    assertThat(unread.counts(reader, List.of(roomId)))
        .containsEntry(roomId, new UnreadStore.Counts(3, 0));
    assertThat(unread.addAll(roomId, batch).counts())
        .as("a batch stored twice (a retry after an outage) counts once")
        .isEqualTo(counts);
    unread.clear(reader, roomId);
    unread.clear(mentioned, roomId);
  }

  @Test
  void warmingUpTheSendPathStoresNothing() {
    var stored = database.getCollection("chatmessages");
    long before = stored.countDocuments();

    messages.warmUp(); // its refused room lookup must not doom the calls after it
    messages.warmUp();

    assertThat(stored.countDocuments()).isEqualTo(before);
  }

  private static Problem.Kind refusal(ThrowingCallable call) {
    Throwable failure = catchThrowable(call);
    assertThat(failure).as("a refusal").isInstanceOf(Problem.class);
    return ((Problem) failure).kind();
  }
}
