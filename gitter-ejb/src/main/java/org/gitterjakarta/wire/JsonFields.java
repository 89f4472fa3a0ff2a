package org.gitterjakarta.wire;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.gitterjakarta.problems.Problem;

/** Reading fields of loosely typed JSON that clients send, with Gitter's 400 for a wrong type. */
public final class JsonFields {

  private JsonFields() {}

  /** A string field: null when absent or null, a 400 when of another type. */
  public static String optionalString(JsonObject body, String field) {
    JsonValue value = body.get(field);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonString string)) {
      throw Problem.invalid(field + " must be a string");
    }
    return string.getString();
  }
}
