package org.gitterjakarta.messages.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import java.util.Set;
import org.gitterjakarta.markdown.entity.IssueRef;
import org.gitterjakarta.messages.entity.ChatMessage;
import org.gitterjakarta.messages.entity.Mention;
import org.gitterjakarta.messages.entity.Reaction;
import org.gitterjakarta.users.boundary.UserJson;
import org.junit.jupiter.api.Test;

class PageTextTest {

  private final PageText cut = new PageText();

  private static final ChatMessage EVERY_FIELD =
      new ChatMessage(
          "5f0000000000000000000001",
          "5f00000000000000000000aa",
          "5f00000000000000000000bb",
          "5f0000000000000000000000",
          "hi @ann, see #7 and https://example.org",
          "<p>hi <span>@ann</span></p>",
          true,
          2,
          List.of("https://example.org"),
          List.of(Mention.person("ann", "5f00000000000000000000cc"), Mention.all()),
          List.of(new IssueRef("org/repo", "7")),
          true,
          1_700_000_000_000L,
          1_700_000_060_000L,
          5,
          3,
          List.of(new Reaction("tada", "🎉", List.of("5f00000000000000000000cc"))));

  private static final UserJson SENDER =
      new UserJson(
          "5f00000000000000000000bb",
          "bo",
          "Bo",
          "/bo",
          "/avatars/bo",
          null,
          null,
          null,
          List.of(),
          null,
          null,
          1L,
          null);

  /**
   * The text kept with every message in the store. Stored texts are served for as long as their
   * message does not change: when this test fails because the shape changed on purpose, count
   * {@link PageText#FORMAT} up, so that every kept text is rendered again.
   */
  @Test
  void keepsTheTextOfFormatTwo() {
    assertThat(PageText.FORMAT).isEqualTo(2);
    assertThat(cut.kept(ChatMessageJson.of(EVERY_FIELD, null))).isEqualTo(FORMAT_TWO);
  }

  @Test
  void aPageOfKeptTextsIsWhatJsonbWritesForThePage() throws Exception {
    ChatMessageJson message = ChatMessageJson.of(EVERY_FIELD, SENDER);
    var entry = new PageText.Entry(message.id(), SENDER, 3, cut.kept(message));

    String page = cut.joined(List.of(entry), new PageText.Form(false, false), Set.of(message.id()));

    try (var jsonb = JsonbBuilder.create()) {
      var expected = jsonb.fromJson(jsonb.toJson(List.of(message.withUnread(true))), Object.class);
      assertThat(jsonb.fromJson(page, Object.class)).isEqualTo(expected);
    }
  }

  /**
   * Written out whole: JSON-B's order of keys, Gitter's field names and date form; no sender and no
   * readers, which pages write next to it.
   */
  private static final String FORMAT_TWO =
      "{\"editedAt\":\"2023-11-14T22:14:20.000Z\",\"html\":\"<p>hi <span>@ann</span></p>\","
          + "\"id\":\"5f0000000000000000000001\",\"issues\":[{\"number\":\"7\",\"repo\":\"org/repo\"}],"
          + "\"mentions\":[{\"screenName\":\"ann\",\"userId\":\"5f00000000000000000000cc\"},"
          + "{\"announcement\":true,\"group\":true,\"screenName\":\"/all\"}],\"meta\":[],"
          + "\"parentId\":\"5f0000000000000000000000\",\"reactions\":[{\"count\":1,\"emoji\":\"🎉\","
          + "\"name\":\"tada\",\"userIds\":[\"5f00000000000000000000cc\"]}],"
          + "\"sent\":\"2023-11-14T22:13:20.000Z\",\"status\":true,"
          + "\"text\":\"hi @ann, see #7 and https://example.org\",\"threadMessageCount\":2,"
          + "\"urls\":[{\"url\":\"https://example.org\"}],\"v\":5}";
}
