package org.gitterjakarta.unread.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnreadNewsTest {

  private static UnreadStore.Item plain(String userId) {
    return new UnreadStore.Item(userId, true, false);
  }

  private static UnreadStore.Item mention(String userId) {
    return new UnreadStore.Item(userId, true, true);
  }

  private static UnreadStore.NewMessage message(String id, UnreadStore.Item... items) {
    return new UnreadStore.NewMessage(id, 1L, List.of(items));
  }

  @Test
  void aPersonsFirstItemOfTheBatchIsTheirFirstUnreadWhenTheyHadNoneBefore() {
    var batch =
        List.of(
            message("m1", plain("ann"), plain("bob")),
            message("m2", plain("ann"), plain("bob"), plain("cid")),
            message("m3", plain("cid")));
    var counts =
        Map.of(
            "ann", new UnreadStore.Counts(2, 0), // both hers are new: none before
            "bob", new UnreadStore.Counts(5, 0), // three unread before the batch
            "cid", new UnreadStore.Counts(2, 0));

    var news = UnreadNews.of(batch, counts);

    assertThat(news)
        .extracting(UnreadNews.Of::firstUnread)
        .containsExactly(List.of("ann"), List.of("cid"), List.of());
    assertThat(news).allSatisfy(n -> assertThat(n.mentioned()).isEmpty());
  }

  @Test
  void mentionsAreAlwaysNewsAndAFirstItemThatMentionsIsAMentionOnly() {
    var batch = List.of(message("m1", mention("ann")), message("m2", plain("ann"), mention("bob")));
    var counts = Map.of("ann", new UnreadStore.Counts(2, 1), "bob", new UnreadStore.Counts(9, 3));

    var news = UnreadNews.of(batch, counts);

    assertThat(news.get(0)).isEqualTo(new UnreadNews.Of(List.of(), List.of("ann")));
    assertThat(news.get(1))
        .as("ann's first unread message was the mention, already told")
        .isEqualTo(new UnreadNews.Of(List.of(), List.of("bob")));
  }

  @Test
  void aBatchRunAgainAfterAnOutageTellsTheSameNews() {
    var batch = List.of(message("m1", plain("ann")));
    var once = Map.of("ann", new UnreadStore.Counts(1, 0));

    // the second run adds nothing new to Redis: the counts are the same, so is the news
    assertThat(UnreadNews.of(batch, once)).isEqualTo(UnreadNews.of(batch, once));
    assertThat(UnreadNews.of(batch, once).get(0).firstUnread()).containsExactly("ann");
  }

  @Test
  void peopleWithOnlyAMentionAndNoChatItemAreNotFirstUnread() {
    var batch =
        List.of(
            message("m1", new UnreadStore.Item("ann", false, true)), message("m2", plain("bob")));
    var counts = Map.of("ann", new UnreadStore.Counts(0, 1), "bob", new UnreadStore.Counts(1, 0));

    var news = UnreadNews.of(batch, counts);

    assertThat(news.get(0)).isEqualTo(new UnreadNews.Of(List.of(), List.of("ann")));
    assertThat(news.get(1)).isEqualTo(new UnreadNews.Of(List.of("bob"), List.of()));
  }
}
