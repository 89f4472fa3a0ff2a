package org.gitterjakarta.api.requests;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.wire.JsonFields;

/** Reading fields of loosely typed JSON bodies with Gitter's 400 answers. */
public final class Bodies {

  private Bodies() {}

  public static String requiredString(JsonObject body, String field) {
    String value = optionalString(body, field);
    if (value == null || value.isBlank()) {
      throw Problem.invalid(field + " is required");
    }
    return value;
  }

  public static String optionalString(JsonObject body, String field) {
    if (body == null) {
      throw Problem.invalid("A JSON body is required");
    }
    return JsonFields.optionalString(body, field);
  }

  public static boolean flag(JsonObject body, String field) {
    JsonValue value = body == null ? null : body.get(field);
    return value == JsonValue.TRUE;
  }

  /** A list of strings (ids), or empty when the field is absent. */
  public static java.util.List<String> strings(JsonObject body, String field) {
    JsonValue value = body == null ? null : body.get(field);
    if (value == null || value == JsonValue.NULL) {
      return java.util.List.of();
    }
    if (!(value instanceof jakarta.json.JsonArray array)
        || !array.stream().allMatch(v -> v instanceof JsonString)) {
      throw Problem.invalid(field + " must be a list of strings");
    }
    return array.getValuesAs(JsonString::getString);
  }
}
