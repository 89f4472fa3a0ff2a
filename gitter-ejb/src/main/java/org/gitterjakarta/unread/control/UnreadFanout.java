package org.gitterjakarta.unread.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gitterjakarta.messages.entity.ChatMessage;
import org.gitterjakarta.messages.entity.Mention;
import org.gitterjakarta.messages.entity.MessageRemoved;
import org.gitterjakarta.messages.entity.MessageStored;
import org.gitterjakarta.rooms.control.MembershipRepository;
import org.gitterjakarta.rooms.entity.Membership;

/**
 * Who gets an unread item for a new message (§4.5): every member but the sender whose mode tracks
 * unread items, and every mentioned member whatever the mode; {@code @/all} counts as a mention for
 * members with announcements on.
 */
@ApplicationScoped
public class UnreadFanout {

  static final int UNREAD = 1;
  static final int ANNOUNCEMENT = 8;

  @Inject MembershipRepository memberships;
  @Inject UnreadStore store;

  void messageStored(@Observes MessageStored stored) {
    ChatMessage message = stored.message();
    Set<String> mentioned =
        message.mentions().stream()
            .map(Mention::userId)
            .filter(id -> id != null)
            .collect(Collectors.toSet());
    boolean all = message.mentions().stream().anyMatch(Mention::announcement);
    for (Membership member : memberships.findByTroupeId(message.toTroupeId())) {
      if (member.userId().equals(message.fromUserId())) {
        continue;
      }
      boolean mention =
          mentioned.contains(member.userId()) || (all && (member.flags() & ANNOUNCEMENT) != 0);
      if (mention || (member.flags() & UNREAD) != 0) {
        store.add(member.userId(), message.toTroupeId(), message.id(), message.sent(), mention);
      }
    }
  }

  void messageRemoved(@Observes MessageRemoved removed) {
    for (Membership member : memberships.findByTroupeId(removed.roomId())) {
      store.remove(member.userId(), removed.roomId(), List.of(removed.messageId()));
    }
  }
}
