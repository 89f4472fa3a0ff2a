package org.gitterjakarta.api.messages;

import jakarta.json.JsonValue;
import org.gitterjakarta.api.requests.Required;

/**
 * {@code POST} and {@code PUT .../chatMessages}: {@code {text, status?, parentId?}}; {@code status:
 * true} is a {@code /me} message. {@code virtualUser} is read only to be refused.
 */
@Required(field = "text", message = "Text is required")
public record MessageBody(String text, Boolean status, String parentId, JsonValue virtualUser) {

  boolean isStatus() {
    return Boolean.TRUE.equals(status);
  }
}
