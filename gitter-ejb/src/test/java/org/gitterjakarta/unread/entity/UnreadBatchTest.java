package org.gitterjakarta.unread.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gitterjakarta.events.entity.Envelope;
import org.gitterjakarta.messages.entity.MessageNotice;
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
          List.of("cid"),
          MessageNotice.of("Cid", "cid", "https://avatars/cid", "acme/lobby", "hi @bob"));

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
  void desktopNotificationsGoToThoseMentionedAndActivityToThoseWhoMuted() {
    Set<String> own = Set.of("/api/v1/user/ann", "/api/v1/user/bob", "/api/v1/user/cid");

    var deliveries = newMessage.deliveries(own::contains);

    assertThat(deliveries)
        .extracting(UnreadBatch.Delivery::channel)
        .containsExactly("/api/v1/user/cid", "/api/v1/user/bob");
    assertThat(deliveries.get(0).data())
        .isEqualTo(Map.of("notification", "activity", "troupeId", ROOM));
    assertThat(deliveries.get(1).data())
        .isEqualTo(
            Map.of(
                "notification", "user_notification",
                "title", "Cid \uD83D\uDCAC acme/lobby",
                "text", "hi @bob",
                "link", "/acme/lobby",
                "icon", "https://avatars/cid",
                "troupeId", ROOM,
                "chatId", "m1"));
  }

  @Test
  void inAOneToOneChatEveryMessageNotifies() {
    var direct =
        new UnreadBatch(
            ROOM,
            true,
            List.of("m2"),
            List.of("m2"),
            List.of(new UnreadBatch.Person("ann", false, 1, 0)),
            List.of(),
            MessageNotice.of("Bob", "bob", null, null, "psst"));

    var deliveries = direct.deliveries("/api/v1/user/ann"::equals);

    assertThat(deliveries.get(0).data())
        .isEqualTo(
            Map.of(
                "notification", "user_notification",
                "title", "Bob",
                "text", "psst",
                "link", "/bob",
                "troupeId", ROOM,
                "chatId", "m2"));
    assertThat(UnreadBatch.parse(direct.toJson())).isEqualTo(direct);
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
            List.of(),
            null);

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
