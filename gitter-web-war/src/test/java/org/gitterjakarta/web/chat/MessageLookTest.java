package org.gitterjakarta.web.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gitterjakarta.messages.boundary.ChatMessageJson;
import org.gitterjakarta.messages.entity.ChatMessage;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.users.entity.User;
import org.junit.jupiter.api.Test;

class MessageLookTest {

  private final MessageLook cut = new MessageLook();
  private final User dave =
      User.create("5f00000000000000000000dd", "dave", "Dave", null, null, false);

  @Test
  void aSenderIsNamedAndOpensTheirProfile() {
    ChatMessageJson message = sentBy(dave);

    assertThat(cut.senderName(message)).isEqualTo("Dave");
    assertThat(cut.senderInitial(message)).isEqualTo("D");
    assertThat(cut.senderProfile(message)).isEqualTo("dave");
  }

  /** A removed account has no profile to open: its name is shown, nothing more. */
  @Test
  void aRemovedSenderIsNamedWithoutAProfile() {
    ChatMessageJson ghost = sentBy(dave.removed(true));
    ChatMessageJson gone = sentBy(dave.removed(false));

    assertThat(cut.senderName(ghost)).isEqualTo("Ghost");
    assertThat(cut.senderUsername(ghost)).isEqualTo("ghost~" + dave.id());
    assertThat(cut.senderProfile(ghost)).isEmpty();
    assertThat(cut.senderName(gone)).isEqualTo("Dave");
    assertThat(cut.senderProfile(gone)).isEmpty();
  }

  @Test
  void aMessageWithoutSenderShowsAQuestionMark() {
    ChatMessageJson message = ChatMessageJson.of(written(), null);

    assertThat(cut.senderName(message)).isEmpty();
    assertThat(cut.senderInitial(message)).isEqualTo("?");
    assertThat(cut.senderProfile(message)).isEmpty();
  }

  private static ChatMessageJson sentBy(User sender) {
    return ChatMessageJson.of(written(), UserJson.of(sender));
  }

  private static ChatMessage written() {
    return ChatMessage.written(
        "5f00000000000000000000aa",
        new ChatMessage.Authored("room", "5f00000000000000000000dd", null, "hi", false),
        "<p>hi</p>",
        List.of(),
        List.of(),
        List.of(),
        true,
        0L);
  }
}
