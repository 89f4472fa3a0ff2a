package org.gitterjakarta.unread.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gitterjakarta.events.entity.Envelope;
import org.junit.jupiter.api.Test;

class UnreadBatchTest {

  private static final String ROOM = "r1";

  private final UnreadBatch newMessage =
      new UnreadBatch(
          ROOM,
          true,
          List.of("m1"),
          List.of("m1"),
          List.of(
              new UnreadBatch.Person("ann", false, 3, 0),
              new UnreadBatch.Person("bob", true, 1, 1)),
          List.of("cid"));

  @Test
  void travelsAsJsonUnchanged() {
    assertThat(UnreadBatch.parse(newMessage.toJson())).isEqualTo(newMessage);
  }

  @Test
  void expandsOnlyForChannelsWithSubscribers() {
    Set<String> subscribed =
        Set.of(
            "/api/v1/user/bob/rooms/r1/unreadItems",
            "/api/v1/user/bob/rooms",
            "/api/v1/user/cid/rooms");

    var deliveries = newMessage.deliveries(subscribed::contains);

    assertThat(deliveries)
        .extracting(UnreadBatch.Delivery::channel)
        .containsExactly(
            "/api/v1/user/cid/rooms",
            "/api/v1/user/bob/rooms/r1/unreadItems",
            "/api/v1/user/bob/rooms");
    assertThat(deliveries.get(0).data())
        .isEqualTo(Envelope.patch(Map.of("id", ROOM, "activity", 1)));
    assertThat(deliveries.get(1).data())
        .isEqualTo(
            Map.of(
                "notification",
                "unread_items",
                "items",
                Map.of("chat", List.of("m1"), "mention", List.of("m1"))));
    assertThat(deliveries.get(2).data())
        .isEqualTo(Envelope.patch(Map.of("id", ROOM, "unreadItems", 1, "mentions", 1)));
  }

  @Test
  void aPlainUnreadItemCarriesNoMention() {
    var deliveries = newMessage.deliveries("/api/v1/user/ann/rooms/r1/unreadItems"::equals);

    assertThat(deliveries.get(0).data())
        .isEqualTo(Map.of("notification", "unread_items", "items", Map.of("chat", List.of("m1"))));
  }

  @Test
  void takenBackItemsNameBothKinds() {
    var deleted =
        new UnreadBatch(
            ROOM,
            false,
            List.of("m1"),
            List.of("m1"),
            List.of(new UnreadBatch.Person("ann", false, 0, 0)),
            List.of());

    var deliveries = deleted.deliveries(channel -> true);

    assertThat(deliveries.get(0).data())
        .isEqualTo(
            Map.of(
                "notification",
                "unread_items_removed",
                "items",
                Map.of("chat", List.of("m1"), "mention", List.of("m1"))));
    assertThat(deliveries.get(1).data())
        .isEqualTo(Envelope.patch(Map.of("id", ROOM, "unreadItems", 0, "mentions", 0)));
  }
}
