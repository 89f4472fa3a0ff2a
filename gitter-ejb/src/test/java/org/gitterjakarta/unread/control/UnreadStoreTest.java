package org.gitterjakarta.unread.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.gitterjakarta.unread.control.UnreadStore.Counts;
import org.gitterjakarta.unread.control.UnreadStore.Item;
import org.gitterjakarta.unread.control.UnreadStore.NewMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * The unread store against the tests' real Redis. A message is published before its unread items
 * are added, so a reader can mark it read before they exist: it must not turn unread after that.
 */
class UnreadStoreTest {

  static final URI REDIS =
      URI.create(System.getProperty("test.redis.uri", "redis://127.0.0.1:6379"));

  private final UnreadStore cut = new UnreadStore();
  private final String room = "room-" + UUID.randomUUID();
  private final String reader = "reader-" + UUID.randomUUID();
  private final String other = "other-" + UUID.randomUUID();
  private final String m1 = new ObjectId().toHexString();
  private final String m2 = new ObjectId().toHexString();
  private final String m3 = new ObjectId().toHexString();
  private JedisPooled redis;

  @BeforeEach
  void connect() {
    redis = new JedisPooled(REDIS);
    cut.redis = redis;
  }

  @AfterEach
  void clean() {
    for (String person : List.of(reader, other)) {
      redis.del(UnreadStore.keys(person, room).toArray(String[]::new));
    }
    redis.close();
  }

  @Test
  void aMessageReadBeforeItsUnreadItemArrivesStaysRead() {
    cut.remove(reader, room, List.of(m1));

    var added =
        cut.addAll(
            room,
            List.of(
                new NewMessage(m1, 1_000, List.of(everything(reader), everything(other))),
                new NewMessage(m2, 2_000, List.of(everything(reader)))));

    assertThat(added.counts().get(reader)).isEqualTo(new Counts(1, 1));
    assertThat(cut.of(reader, room).chat()).containsExactly(m2);
    assertThat(cut.of(reader, room).mention()).containsExactly(m2);
    assertThat(added.messages().get(0).items())
        .as("the reader is not told of an item not added")
        .containsExactly(everything(other));
    assertThat(added.messages().get(1).items()).containsExactly(everything(reader));
    assertThat(added.counts().get(other)).as("nobody else's").isEqualTo(new Counts(1, 1));
  }

  @Test
  void aMessageDeletedBeforeItsUnreadWorkRanIsNobodysUnreadItem() {
    cut.removeFor(List.of(reader, other), room, List.of(m1), true);

    var counts =
        cut.addAll(
                room,
                List.of(new NewMessage(m1, 1_000, List.of(everything(reader), everything(other)))))
            .counts();

    assertThat(counts)
        .containsEntry(reader, new Counts(0, 0))
        .containsEntry(other, new Counts(0, 0));
  }

  /** Reading what is unread, the usual case, leaves nothing to remember and no key. */
  @Test
  void readingAnUnreadMessageRemembersNothing() {
    cut.addAll(room, List.of(new NewMessage(m1, 1_000, List.of(everything(reader)))));

    assertThat(cut.remove(reader, room, List.of(m1))).isEqualTo(new Counts(0, 0));
    assertThat(redis.exists(seen(reader))).isFalse();
  }

  /** Pages of old messages read again as they come into view: none of them can be waiting. */
  @Test
  void oldMessagesReadAgainAreNotRemembered() {
    long hourAgo = System.currentTimeMillis() - 3_600_000;
    String old = new ObjectId(new Date(hourAgo)).toHexString();

    cut.remove(reader, room, List.of(old, "not-an-id"));

    assertThat(redis.exists(seen(reader))).isFalse();
  }

  /** An edit that mentions a reader counts, whether or not they had read the message. */
  @Test
  void anEditsNewMentionCountsWhereTheMessageWasRead() {
    cut.remove(reader, room, List.of(m1));

    var counts =
        cut.addMentions(room, List.of(new NewMessage(m1, 1_000, List.of(everything(reader)))));

    assertThat(counts.get(reader)).isEqualTo(new Counts(1, 1));
  }

  @Test
  void takingBackOnlyMentionsRemembersNothing() {
    cut.removeFor(List.of(reader), room, List.of(m1), false);

    cut.addAll(room, List.of(new NewMessage(m1, 1_000, List.of(everything(reader)))));

    assertThat(cut.of(reader, room).chat()).containsExactly(m1);
    assertThat(redis.exists(seen(reader))).isFalse();
  }

  /**
   * Many ids read at once go in several calls, and the counts are those after all of them; what is
   * remembered is bounded, in number and in time, and the newest ids are kept.
   */
  @Test
  void manyIdsReadAtOnceAreAllReadAndWhatIsRememberedIsBounded() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3 * UnreadStore.IDS_PER_CALL; i++) {
      ids.add(new ObjectId().toHexString());
    }
    cut.addAll(
        room,
        List.of(
            new NewMessage(ids.get(0), 1_000, List.of(everything(reader))),
            new NewMessage(ids.get(ids.size() - 1), 2_000, List.of(everything(reader)))));

    assertThat(cut.remove(reader, room, ids)).isEqualTo(new Counts(0, 0));
    assertThat(redis.zcard(seen(reader))).isEqualTo(UnreadStore.SEEN_MAX);
    assertThat(redis.zscore(seen(reader), ids.get(ids.size() - 2))).as("the newest").isNotNull();
    assertThat(redis.pttl(seen(reader))).isPositive().isLessThanOrEqualTo(UnreadStore.SEEN_MILLIS);
  }

  /**
   * "Mark all as read" with the room's latest ids: one whose unread item came already is read, one
   * whose item comes later stays read (for the reader only), a message not among them counts, and
   * an edit's new mention of the one that waited still counts.
   */
  @Test
  void markingAllReadCoversTheLatestMessagesWhoseUnreadItemsComeLater() {
    cut.addAll(room, List.of(new NewMessage(m1, 1_000, List.of(everything(reader)))));

    assertThat(cut.readAll(reader, room, List.of(m2, m1)))
        .as("what was unread")
        .containsExactly(m1);
    var added =
        cut.addAll(
            room,
            List.of(
                new NewMessage(m2, 2_000, List.of(everything(reader), everything(other))),
                new NewMessage(m3, 3_000, List.of(everything(reader), everything(other)))));
    var counts = added.counts();

    assertThat(counts.get(reader)).isEqualTo(new Counts(1, 1));
    assertThat(cut.of(reader, room).chat()).containsExactly(m3);
    assertThat(counts.get(other)).as("nobody else's").isEqualTo(new Counts(2, 2));
    assertThat(added.messages().get(0).items()).containsExactly(everything(other));
    assertThat(added.messages().get(1).items())
        .containsExactly(everything(reader), everything(other));
    assertThat(
            cut.addMentions(room, List.of(new NewMessage(m2, 2_000, List.of(everything(reader)))))
                .get(reader))
        .isEqualTo(new Counts(2, 2));
  }

  /**
   * A batch whose script ran, run again after an outage (its reply was lost) once the person marked
   * all read: nothing turns unread again, and nobody is told of an item for them.
   */
  @Test
  void aBatchRunAgainAfterMarkingAllReadBringsNothingBack() {
    var batch = List.of(new NewMessage(m1, 1_000, List.of(everything(reader), everything(other))));
    cut.addAll(room, batch);
    cut.readAll(reader, room, List.of(m1));

    var again = cut.addAll(room, batch);

    assertThat(cut.of(reader, room).chat()).isEmpty();
    assertThat(again.counts().get(reader)).isEqualTo(new Counts(0, 0));
    assertThat(again.messages().get(0).items()).containsExactly(everything(other));
    assertThat(cut.of(other, room).chat()).containsExactly(m1);
  }

  /** Each of a full batch's messages is told apart, the 32nd too. */
  @Test
  void aFullBatchTellsWhichOfItsMessagesWereSkippedForWhom() {
    List<String> ids = new ArrayList<>();
    List<NewMessage> batch = new ArrayList<>();
    for (int i = 0; i < Integer.SIZE; i++) {
      ids.add(new ObjectId().toHexString());
      batch.add(
          new NewMessage(ids.get(i), 1_000 + i, List.of(everything(reader), everything(other))));
    }
    cut.remove(reader, room, List.of(ids.get(0), ids.get(Integer.SIZE - 1)));

    var added = cut.addAll(room, batch);

    assertThat(added.counts().get(reader))
        .isEqualTo(new Counts(Integer.SIZE - 2, Integer.SIZE - 2));
    for (int i = 0; i < Integer.SIZE; i++) {
      boolean skipped = i == 0 || i == Integer.SIZE - 1;
      assertThat(added.messages().get(i).items())
          .as("message %d", i)
          .containsExactlyElementsOf(
              skipped
                  ? List.of(everything(other))
                  : List.of(everything(reader), everything(other)));
    }
  }

  /**
   * What is remembered keeps the newest messages, whatever order they were read in: an id read
   * before its unread work ran stays remembered when a marking of all as read brings 100 older ones
   * after it.
   */
  @Test
  void whatIsRememberedKeepsTheNewestMessagesNotTheLastRead() {
    cut.remove(reader, room, List.of(m3));
    List<String> older = new ArrayList<>();
    long fiveMinutesAgo = System.currentTimeMillis() - 300_000;
    for (int i = 0; i < UnreadStore.SEEN_MAX; i++) {
      older.add(new ObjectId(new Date(fiveMinutesAgo)).toHexString());
    }

    cut.readAll(reader, room, older);
    cut.addAll(room, List.of(new NewMessage(m3, 3_000, List.of(everything(reader)))));

    assertThat(cut.of(reader, room).chat()).isEmpty();
    assertThat(redis.zcard(seen(reader))).isEqualTo(UnreadStore.SEEN_MAX);
    assertThat(redis.zscore(seen(reader), m3))
        .as("scored by the message's send time")
        .isEqualTo((double) new ObjectId(m3).getTimestamp());
  }

  /**
   * A room too big for one script call: the skipped items of people in every part are left out of
   * what was added, and everyone's counts come back.
   */
  @Test
  void aBatchCutIntoSeveralCallsTellsTheSkipsOfEveryPart() {
    int size = 2 * UnreadStore.PEOPLE_PER_CALL + 200;
    List<String> people = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      people.add("person-" + i + "-" + UUID.randomUUID());
    }
    try {
      List<String> readM1 = List.of(people.get(10), people.get(size / 2), people.get(size - 50));
      String readM2 = people.get(size - 1);
      readM1.forEach(person -> cut.remove(person, room, List.of(m1)));
      cut.remove(readM2, room, List.of(m2));
      List<Item> everyone = people.stream().map(UnreadStoreTest::everything).toList();

      var added =
          cut.addAll(
              room,
              List.of(new NewMessage(m1, 1_000, everyone), new NewMessage(m2, 2_000, everyone)));

      assertThat(added.counts()).hasSize(size);
      for (String person : people) {
        int read = readM1.contains(person) || person.equals(readM2) ? 1 : 0;
        assertThat(added.counts().get(person)).as(person).isEqualTo(new Counts(2 - read, 2 - read));
      }
      assertThat(added.messages().get(0).items())
          .hasSize(size - readM1.size())
          .extracting(Item::userId)
          .doesNotContainAnyElementsOf(readM1);
      assertThat(added.messages().get(1).items())
          .hasSize(size - 1)
          .extracting(Item::userId)
          .doesNotContain(readM2);
      assertThat(cut.of(people.get(size - 50), room).chat()).containsExactly(m2);
      assertThat(cut.of(readM2, room).chat()).containsExactly(m1);
    } finally {
      try (var pipeline = redis.pipelined()) {
        people.forEach(
            person -> pipeline.del(UnreadStore.keys(person, room).toArray(String[]::new)));
      }
    }
  }

  @Test
  void markingAllReadInARoomWithNothingLatelyClearsWhatIsThere() {
    cut.addAll(room, List.of(new NewMessage(m1, 1_000, List.of(everything(reader)))));

    assertThat(cut.readAll(reader, room, List.of())).containsExactly(m1);

    assertThat(cut.of(reader, room).chat()).isEmpty();
    assertThat(cut.counts(reader, List.of(room))).containsEntry(room, new Counts(0, 0));
    assertThat(redis.exists(seen(reader))).isFalse();
  }

  private static Item everything(String userId) {
    return new Item(userId, true, true);
  }

  private String seen(String userId) {
    return UnreadStore.keys(userId, room).get(4);
  }
}
