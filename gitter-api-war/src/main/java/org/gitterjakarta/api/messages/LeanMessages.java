package org.gitterjakarta.api.messages;

import org.gitterjakarta.messages.boundary.ChatMessageJson;
import org.gitterjakarta.users.boundary.UserJson;

/** Gitter's {@code lean=true} history: empty lists left out and the sender as a lean user. */
final class LeanMessages {

  private LeanMessages() {}

  static ChatMessageJson of(ChatMessageJson full) {
    ChatMessageJson m = full.lean();
    Object sender = m.fromUser() instanceof UserJson user ? user.lean() : m.fromUser();
    return new ChatMessageJson(
        m.id(),
        m.text(),
        m.html(),
        m.status(),
        m.sent(),
        m.editedAt(),
        sender,
        m.parentId(),
        m.threadMessageCount(),
        m.urls(),
        m.mentions(),
        m.issues(),
        m.meta(),
        m.initial(),
        m.unread(),
        m.readBy(),
        m.v());
  }
}
