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
 * is kept under the message's id and version, so a change is a different key and nothing needs
 * dropping; the sender and the reader's {@code unread} flag are written after it for each page. The
 * same JSON-B defaults as the API's provider (nulls left out), so the text is what JSON-B would
 * have written for the page, but for the place of {@code unread} among the keys.
 */
@ApplicationScoped
public class PageText {

  static final int MAX_KEPT = 20_000;

  private final Jsonb jsonb = JsonbBuilder.create();
  private final Map<String, String> rendered = new ConcurrentHashMap<>();

  /** How the page is asked for: Gitter's {@code lean=true} and {@code lookups=user}. */
  public record Form(boolean lean, boolean lookups) {}

  /**
   * The page in the form asked for; {@code unread} is the reader's unread ids, or null when there
   * is no reader (no {@code unread} key then).
   */
  public String page(List<ChatMessageJson> page, Form form, Set<String> unread) {
    StringBuilder out = new StringBuilder(page.size() * 700 + 64);
    Map<String, UserJson> senders = form.lookups() ? new LinkedHashMap<>() : null;
    Map<String, String> senderTexts = new HashMap<>(); // a page holds one value per sender
    if (senders != null) {
      out.append("{\"items\":");
    }
    out.append('[');
    for (int i = 0; i < page.size(); i++) {
      ChatMessageJson message = page.get(i);
      if (i > 0) {
        out.append(',');
      }
      String text = withoutSender(message, form);
      out.append(text, 0, text.length() - 1);
      if (message.fromUser() instanceof UserJson sender) {
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

  /**
   * The message's own fields, rendered once per version: every change of a message counts its
   * version up, except more readers, so the number of readers is part of the key. The sender is
   * written next to it per page (a renamed sender shows at once).
   */
  private String withoutSender(ChatMessageJson message, Form form) {
    String key =
        message.id()
            + (form.lean() ? ":l:" : ":f:")
            + message.v()
            + ':'
            + message.readBy()
            + ':'
            + message.threadMessageCount();
    String text = rendered.get(key);
    if (text == null) {
      ChatMessageJson shown = form.lean() ? message.lean() : message;
      // any object with an id ends with '}' after a field, where the rest is written
      text = jsonb.toJson(shown.withSenderId(null));
      if (rendered.size() >= MAX_KEPT) {
        rendered.clear();
      }
      rendered.put(key, text);
    }
    return text;
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
