package org.gitterjakarta.messages.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gitterjakarta.messages.control.JsonToKeep;
import org.gitterjakarta.messages.control.KeptMessage;
import org.gitterjakarta.messages.control.MessageStore;
import org.gitterjakarta.messages.entity.ChatMessage;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.users.boundary.Users;

/**
 * History pages before or after a message, put together from the JSON kept with each message: deep
 * pages of a big room are read at random and no cache of this instance holds them, while the store
 * has each message's text rendered once. Messages whose text is missing (stored before texts were
 * kept, or imported) or out of date are read whole, rendered and kept again. Its own class beside
 * {@link Messages}, which keeps the access check and calls it, for the same reason as {@link
 * PageText}: it only assembles what was read.
 */
@ApplicationScoped
public class KeptPages {

  private static final System.Logger LOGGER = System.getLogger(KeptPages.class.getName());

  @Inject MessageStore store;
  @Inject PageText pageText;
  @Inject Users users;

  /** The page's messages, oldest first, each with its sender and its own JSON text. */
  public List<PageText.Entry> page(
      String roomId, String beforeId, String afterId, int limit, boolean includeThreads) {
    List<KeptMessage> page = store.keptPage(roomId, beforeId, afterId, limit, includeThreads);
    Map<String, String> renderedAgain = renderAgain(roomId, page);
    Map<String, Optional<UserJson>> senders = new HashMap<>();
    List<PageText.Entry> entries = new ArrayList<>(page.size());
    for (KeptMessage message : page) {
      String json = message.jsonIn(PageText.FORMAT).orElse(renderedAgain.get(message.id()));
      if (json != null) { // else deleted since the page was read
        entries.add(
            new PageText.Entry(message.id(), sender(message, senders), message.readers(), json));
      }
    }
    return entries;
  }

  private UserJson sender(KeptMessage message, Map<String, Optional<UserJson>> senders) {
    if (message.senderId() == null) {
      return null;
    }
    return senders
        .computeIfAbsent(message.senderId(), id -> users.findIncludingRemoved(id).map(UserJson::of))
        .orElse(null);
  }

  /** The texts of the page's messages that have none that holds, by message id. */
  private Map<String, String> renderAgain(String roomId, List<KeptMessage> page) {
    List<String> stale =
        page.stream()
            .filter(m -> m.jsonIn(PageText.FORMAT).isEmpty())
            .map(KeptMessage::id)
            .toList();
    Map<String, String> rendered = new HashMap<>();
    List<JsonToKeep> toKeep = new ArrayList<>();
    for (ChatMessage message : store.byIds(roomId, stale)) {
      String json = pageText.kept(ChatMessageJson.of(message, null));
      rendered.put(message.id(), json);
      toKeep.add(new JsonToKeep(message.id(), message.v(), json));
    }
    keep(roomId, toKeep);
    return rendered;
  }

  /** The page is answered from what was rendered whether or not keeping it lands. */
  private void keep(String roomId, List<JsonToKeep> rendered) {
    try {
      store.keep(roomId, PageText.FORMAT, rendered);
    } catch (RuntimeException e) {
      LOGGER.log(
          System.Logger.Level.WARNING, "Could not keep rendered messages: {0}", e.toString());
    }
  }
}
