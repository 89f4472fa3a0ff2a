package org.gitterjakarta.mail.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gitterjakarta.mail.entity.Digest;
import org.gitterjakarta.mail.entity.OutgoingMail;
import org.junit.jupiter.api.Test;

class MailWriterTest {

  final MailWriter cut = new MailWriter("https://gitter.example");

  static Digest digest(String... rooms) {
    return new Digest(
        "u1",
        "Ann <b>",
        java.util.Arrays.stream(rooms)
            .map(
                name ->
                    new Digest.RoomUnread(
                        name,
                        name,
                        name,
                        2,
                        1,
                        List.of(new Digest.Line("<Bob>", "hi\nthere", "<p>hi there</p>"))))
            .toList(),
        true);
  }

  @Test
  void digestHasRoomsCountsLinksAndEscapedNames() {
    OutgoingMail mail = cut.digest(digest("team/room"), "ann@example.org", "https://u", "<id@x>");
    assertThat(mail.subject()).isEqualTo("Unread messages in team/room");
    assertThat(mail.text())
        .contains(
            "team/room (2 unread, 1 mention)",
            "<Bob>: hi there",
            "https://gitter.example/team/room",
            "https://u");
    assertThat(mail.html())
        .contains("Ann &lt;b&gt;", "&lt;Bob&gt;", "<p>hi there</p>", "href=\"https://u\"")
        .doesNotContain("<Bob>", "Ann <b>");
    assertThat(mail.unsubscribeUrl()).contains("https://u");
  }

  @Test
  void subjectNamesTwoRoomsThenCountsTheOthers() {
    assertThat(MailWriter.subject(digest("a/b", "c/d")))
        .isEqualTo("Unread messages in a/b and c/d");
    assertThat(MailWriter.subject(digest("a/b", "c/d", "e/f")))
        .isEqualTo("Unread messages in a/b and 2 other rooms");
  }
}
