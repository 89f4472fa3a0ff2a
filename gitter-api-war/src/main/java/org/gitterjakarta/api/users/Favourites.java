package org.gitterjakarta.api.users;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import org.gitterjakarta.problems.Problem;

/** Gitter's {@code favourite} field of a room or a community: a position, true or false. */
final class Favourites {

  private Favourites() {}

  /** A place in the favourites' order: a whole number from 0 to {@value #MAX_FAVOURITE}. */
  private static int position(JsonNumber number) {
    if (!number.isIntegral()
        || number.bigDecimalValue().signum() < 0
        || number.bigDecimalValue().compareTo(BigDecimal.valueOf(MAX_FAVOURITE)) > 0) {
      throw Problem.invalid(
          "favourite must be true, false or a position from 0 to " + MAX_FAVOURITE);
    }
    return number.intValue();
  }

  static final int MAX_FAVOURITE = 100_000;

  /** {@code favourite}: a position, {@code true} (= 1), or false/0 to remove. */
  static Integer of(JsonObject body) {
    JsonValue value = body.get("favourite");
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    return switch (value.getValueType()) {
      case TRUE -> 1;
      case FALSE -> 0;
      case NUMBER -> position(body.getJsonNumber("favourite"));
      default -> throw Problem.invalid("favourite must be a boolean or a number");
    };
  }
}
