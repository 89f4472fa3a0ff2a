package org.gitterjakarta.web.oauth;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The fields of a JSON token request: strings only, anything else makes it malformed. */
final class TokenRequest {

  // looked up once: each Json.createXxx() call searches the class path for a provider
  private static final JsonProvider JSON = JsonProvider.provider();

  static final Set<String> FIELDS =
      Set.of("grant_type", "client_id", "client_secret", "code", "redirect_uri");
  static final int MAX_LENGTH = 16 * 1024;

  private TokenRequest() {}

  static Optional<Map<String, String>> fields(String body) {
    if (body == null || body.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    try (var reader = JSON.createReader(new StringReader(body))) {
      if (!(reader.readValue() instanceof JsonObject object)) {
        return Optional.empty();
      }
      var fields = new HashMap<String, String>();
      for (String name : FIELDS) {
        JsonValue value = object.get(name);
        if (value instanceof JsonString text) {
          fields.put(name, text.getString());
        } else if (value != null && value != JsonValue.NULL) {
          return Optional.empty();
        }
      }
      return Optional.of(fields);
    } catch (RuntimeException malformedOrTooDeep) {
      // JSON-P reports both invalid JSON and nesting past its limit as runtime exceptions
      return Optional.empty();
    }
  }
}
