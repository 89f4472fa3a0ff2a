package org.gitterjakarta.messages.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gitterjakarta.users.boundary.UserJson;

/**
 * A history page as JSON text, put together from each message's text rendered once: JSON-B is the
 * costly part of a page, and most messages of the pages read are the same as a moment ago. The text
 * is kept here under the message's id and version, so a change is a different key and nothing needs
 * dropping, and in its full form in the store with the message ({@link #kept}), for the pages deep
 * in a room that no cache holds; the sender and the reader's {@code unread} flag are written after
 * it for each page. The same JSON-B defaults as the API's provider (nulls left out), so the text is
 * what JSON-B would have written for the page, but for the place of {@code unread} among the keys.
 */
@ApplicationScoped
public class PageText {

  static final int MAX_KEPT = 20_000;

  private final Jsonb jsonb = JsonbBuilder.create();
  private final Map<String, String> rendered = new ConcurrentHashMap<>();

  /** How the page is asked for: Gitter's {@code lean=true} and {@code lookups=user}. */
  public record Form(boolean lean, boolean lookups) {}

  /**
   * The version of the text rendered for a message, kept with it in the store. Count it up when the
   * text would come out differently for the same message: {@link ChatMessageJson}'s fields, the
   * JSON-B settings, the date form ({@code IsoDates}) or the emoji of reactions ({@code
   * ReactionNames}); every kept text is then rendered again as it is read.
   */
  public static final int FORMAT = 2;

  /**
   * One message of a page: its id, its sender, its number of readers, and its own JSON without
   * either (a JSON object's text).
   */
  public record Entry(String id, UserJson sender, int readBy, String json) {}

  /**
   * The page in the form asked for; {@code unread} is the reader's unread ids, or null when there
   * is no reader (no {@code unread} key then).
   */
  public String page(List<ChatMessageJson> page, Form form, Set<String> unread) {
    return joined(page.stream().map(m -> entry(m, form)).toList(), form, unread);
  }

  /**
   * As {@link #page}, from each message's own text rendered already: the readers, the sender and
   * the reader's {@code unread} flag are written after it.
   */
  public String joined(List<Entry> page, Form form, Set<String> unread) {
    StringBuilder out = new StringBuilder(page.size() * 700 + 64);
    Map<String, UserJson> senders = form.lookups() ? new LinkedHashMap<>() : null;
    Map<String, String> senderTexts = new HashMap<>(); // a page holds one value per sender
    if (senders != null) {
      out.append("{\"items\":");
    }
    out.append('[');
    for (int i = 0; i < page.size(); i++) {
      Entry message = page.get(i);
      if (i > 0) {
        out.append(',');
      }
      String text = message.json();
      out.append(text, 0, text.length() - 1);
      out.append(",\"readBy\":").append(message.readBy());
      if (message.sender() != null) {
        UserJson sender = message.sender();
        if (senders != null) {
          senders.putIfAbsent(sender.id(), form.lean() ? sender.lean() : sender);
        }
        out.append(",\"fromUser\":")
            .append(senderTexts.computeIfAbsent(sender.id(), id -> senderText(sender, form)));
      }
      if (unread != null) {
        out.append(",\"unread\":").append(unread.contains(message.id()));
      }
      out.append('}');
    }
    out.append(']');
    if (senders != null) {
      out.append(",\"lookups\":").append(jsonb.toJson(Map.of("users", senders))).append('}');
    }
    return out.toString();
  }

  private Entry entry(ChatMessageJson message, Form form) {
    return new Entry(
        message.id(),
        message.fromUser() instanceof UserJson sender ? sender : null,
        message.readBy() == null ? 0 : message.readBy(),
        ownText(message, form));
  }

  /**
   * The text kept with a message in the store ({@link #FORMAT}): its full form without its sender
   * and readers, the same for every reader and page. Not kept here as well: the store keeps it.
   */
  public String kept(ChatMessageJson message) {
    return render(message, new Form(false, false));
  }

  /**
   * The message's own fields, rendered once per version and form: every change of a message counts
   * its version up. The sender and the readers are written next to it per page (a renamed sender
   * shows at once).
   */
  private String ownText(ChatMessageJson message, Form form) {
    String key = message.id() + (form.lean() ? ":l:" : ":f:") + message.v();
    String text = rendered.get(key);
    if (text == null) {
      text = render(message, form);
      if (rendered.size() >= MAX_KEPT) {
        rendered.clear();
      }
      rendered.put(key, text);
    }
    return text;
  }

  private String render(ChatMessageJson message, Form form) {
    ChatMessageJson shown = form.lean() ? message.lean() : message;
    // any object with an id ends with '}' after a field, where the rest is written
    return jsonb.toJson(shown.withSenderId(null).withoutReadBy());
  }

  private String senderText(UserJson sender, Form form) {
    if (form.lookups()) {
      return jsonb.toJson(sender.id());
    }
    return jsonb.toJson(form.lean() ? sender.lean() : sender);
  }

  /** Any other answer (search, a page around a message) as JSON-B writes it. */
  public String of(Object value) {
    return jsonb.toJson(value);
  }
}
