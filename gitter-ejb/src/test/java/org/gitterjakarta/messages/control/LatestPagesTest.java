package org.gitterjakarta.messages.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.gitterjakarta.messages.entity.ChatMessage;
import org.junit.jupiter.api.Test;

/** When a kept latest page is served and when the store is asked again. */
class LatestPagesTest {

  static final String ROOM = "5f0000000000000000000001";
  static final String OTHER = "5f0000000000000000000002";

  /** Whether the instance hears live events, played by the test. */
  boolean up = true;

  final LatestPages cut = new LatestPages();
  final AtomicInteger queries = new AtomicInteger();
  final Supplier<List<ChatMessage>> query =
      () -> {
        queries.incrementAndGet();
        return List.of();
      };

  LatestPagesTest() {
    cut.heardThrough(() -> up);
  }

  @Test
  void aPageIsKeptUntilItsRoomChangesOnThisInstance() {
    cut.latest(ROOM, 50, false, query);
    cut.latest(ROOM, 50, false, query);
    assertThat(queries).hasValue(1);

    cut.changed(OTHER);
    cut.latest(ROOM, 50, false, query);
    assertThat(queries).as("another room's change").hasValue(1);

    cut.changed(ROOM);
    cut.latest(ROOM, 50, false, query);
    assertThat(queries).hasValue(2);
  }

  @Test
  void eachSizeAndThreadChoiceIsAPageOfItsOwn() {
    cut.latest(ROOM, 50, false, query);
    cut.latest(ROOM, 20, false, query);
    cut.latest(ROOM, 50, true, query);
    assertThat(queries).hasValue(3);
  }

  @Test
  void aChangeOnAnotherInstanceDropsThePageThroughItsLiveEvent() {
    cut.latest(ROOM, 50, false, query);
    cut.heard("/api/v1/rooms/" + ROOM + "/users");
    cut.latest(ROOM, 50, false, query);
    assertThat(queries).as("not an event of the room's messages").hasValue(1);

    cut.heard("/api/v1/rooms/" + ROOM + "/chatMessages");
    cut.latest(ROOM, 50, false, query);
    assertThat(queries).hasValue(2);
  }

  @Test
  void aChangeWhileThePageIsReadKeepsItFromBeingServedAgain() {
    cut.latest(
        ROOM,
        50,
        false,
        () -> {
          cut.changed(ROOM); // written meanwhile: the page read may or may not hold it
          return query.get();
        });
    cut.latest(ROOM, 50, false, query);
    assertThat(queries).hasValue(2);
  }

  @Test
  void nothingIsServedWhileLiveEventsDoNotArrive() {
    up = false;
    cut.latest(ROOM, 50, false, query);
    cut.latest(ROOM, 50, false, query);
    assertThat(queries).hasValue(2);
  }

  @Test
  void findsTheRoomOfAMessageChannel() {
    assertThat(LatestPages.roomOf("/api/v1/rooms/" + ROOM + "/chatMessages")).isEqualTo(ROOM);
    assertThat(LatestPages.roomOf("/api/v1/rooms/" + ROOM + "/chatMessages/x")).isNull();
    assertThat(LatestPages.roomOf("/api/v1/user/" + ROOM + "/rooms")).isNull();
  }
}
