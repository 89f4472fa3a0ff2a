package org.gitterjakarta.api.messages;

import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotBlank;

/**
 * {@code POST} and {@code PUT .../chatMessages}: {@code {text, status?, parentId?}}; {@code status:
 * true} is a {@code /me} message. {@code virtualUser} is read only to be refused.
 */
public record MessageBody(
    @NotBlank(message = "Text is required") String text,
    Boolean status,
    String parentId,
    JsonValue virtualUser) {

  boolean isStatus() {
    return Boolean.TRUE.equals(status);
  }
}
