package org.gitterjakarta.web.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.Locale;
import org.gitterjakarta.messages.boundary.ChatMessageJson;
import org.gitterjakarta.users.boundary.UserJson;

/** How a message reads on the server-rendered pages (the room and its archives) alike. */
@Named("messageLook")
@ApplicationScoped
public class MessageLook {

  // looked up once: each Json.createXxx() call searches the class path for a provider
  private static final JsonProvider JSON = JsonProvider.provider();

  public String senderName(ChatMessageJson message) {
    return sender(message) == null ? "" : sender(message).displayName();
  }

  public String senderId(ChatMessageJson message) {
    return sender(message) == null ? "" : sender(message).id();
  }

  public String senderUsername(ChatMessageJson message) {
    return sender(message) == null ? "" : sender(message).username();
  }

  /** Whose profile a click on the sender opens: none for a removed account, which has none. */
  public String senderProfile(ChatMessageJson message) {
    UserJson sender = sender(message);
    return sender == null || Boolean.TRUE.equals(sender.removed()) ? "" : sender.username();
  }

  /** The avatar's letter: the first of the display name, or "?" for a sender we cannot name. */
  public String senderInitial(ChatMessageJson message) {
    String name = senderName(message);
    return name == null || name.isEmpty() ? "?" : name.substring(0, 1).toUpperCase(Locale.ROOT);
  }

  /** HH:mm in UTC; the room page's script replaces it with the browser's local time. */
  public String time(ChatMessageJson message) {
    try {
      return Instant.parse(message.sent()).toString().substring(11, 16);
    } catch (RuntimeException unparsable) {
      return message.sent();
    }
  }

  /** The message's reactions as the JSON the page's script draws them from. */
  public String reactions(ChatMessageJson message) {
    if (message.reactions() == null || message.reactions().isEmpty()) {
      return "[]";
    }
    JsonArrayBuilder all = JSON.createArrayBuilder();
    for (ChatMessageJson.ReactionJson r : message.reactions()) {
      all.add(
          JSON.createObjectBuilder()
              .add("name", r.name())
              .add("emoji", r.emoji())
              .add("count", r.count())
              .add("userIds", JSON.createArrayBuilder(r.userIds())));
    }
    return all.build().toString();
  }

  private static UserJson sender(ChatMessageJson message) {
    return message.fromUser() instanceof UserJson user ? user : null;
  }
}
