package org.gitterjakarta.messages.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.gitterjakarta.events.control.LiveEvents;
import org.gitterjakarta.events.entity.Envelope;
import org.gitterjakarta.messages.boundary.ChatMessageJson.ReactionJson;
import org.gitterjakarta.messages.control.MessageStore;
import org.gitterjakarta.messages.control.ReactionNames;
import org.gitterjakarta.messages.entity.ChatMessage;
import org.gitterjakarta.messages.entity.Reaction;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;

/**
 * Emoji reactions on messages: whoever may read a room sees them, whoever may write in it adds and
 * takes back their own. A change is one atomic update of the message and one {@code patch} event
 * ({@code id, reactions, v}) on the room's message channel; repeating a change does nothing.
 */
@Stateless
public class Reactions {

  @Inject Rooms rooms;
  @Inject MessageStore store;
  @Inject LiveEvents events;

  public List<ReactionJson> of(String userId, String roomId, String messageId) {
    var room = rooms.readable(userId, roomId);
    return ReactionJson.of(found(room.id(), messageId).reactions());
  }

  public List<ReactionJson> add(String userId, String roomId, String messageId, String emoji) {
    return change(userId, roomId, messageId, emoji, true);
  }

  public List<ReactionJson> takeBack(String userId, String roomId, String messageId, String emoji) {
    return change(userId, roomId, messageId, emoji, false);
  }

  private List<ReactionJson> change(
      String userId, String roomId, String messageId, String emoji, boolean add) {
    var target = rooms.readableWithAccess(userId, roomId);
    if (!target.access().write()) {
      throw Problem.notAllowed("You must join this room to react to messages");
    }
    String roomKey = target.room().id();
    ChatMessage message = found(roomKey, messageId);
    String name =
        ReactionNames.canonical(emoji)
            .orElseThrow(
                () -> Problem.invalid("Unknown emoji: use a shortcode such as +1 or tada"));
    if (add && isNew(message, name) && message.reactions().size() >= Reaction.MAX_PER_MESSAGE) {
      throw Problem.invalid(
          "A message takes at most " + Reaction.MAX_PER_MESSAGE + " different reactions");
    }
    return store
        .react(message.id(), name, userId, add)
        .map(changed -> announce(roomKey, changed))
        .orElseGet(() -> ReactionJson.of(found(roomKey, messageId).reactions()));
  }

  private static boolean isNew(ChatMessage message, String name) {
    return message.reactions().stream().noneMatch(r -> r.name().equals(name));
  }

  private List<ReactionJson> announce(String roomId, ChatMessage changed) {
    List<ReactionJson> reactions = ReactionJson.of(changed.reactions());
    events.publish(
        Messages.channel(roomId),
        Envelope.patch(Map.of("id", changed.id(), "reactions", reactions, "v", changed.v())));
    return reactions;
  }

  private ChatMessage found(String roomId, String messageId) {
    Messages.validId(messageId);
    return store.find(roomId, messageId).orElseThrow(() -> Problem.notFound("Message not found"));
  }
}
