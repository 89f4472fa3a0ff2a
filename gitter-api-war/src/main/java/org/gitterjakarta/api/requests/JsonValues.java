package org.gitterjakarta.api.requests;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gitterjakarta.problems.Problem;

/** Free-form JSON (user settings) to plain Java values and back. */
public final class JsonValues {

  // looked up once: each Json.createXxx() call searches the class path for a provider
  private static final JsonProvider JSON = JsonProvider.provider();

  private JsonValues() {}

  public static Object toJava(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> {
        var map = new LinkedHashMap<String, Object>();
        ((JsonObject) value).forEach((k, v) -> map.put(k, toJava(v)));
        yield map;
      }
      case ARRAY -> ((JsonArray) value).stream().map(JsonValues::toJava).toList();
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> number((JsonNumber) value);
      case TRUE -> true;
      case FALSE -> false;
      case NULL -> null;
    };
  }

  public static JsonValue toJson(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof Map<?, ?> map) {
      var object = JSON.createObjectBuilder();
      map.forEach((k, v) -> object.add(String.valueOf(k), toJson(v)));
      return object.build();
    }
    if (value instanceof Collection<?> list) {
      var array = JSON.createArrayBuilder();
      list.forEach(v -> array.add(toJson(v)));
      return array.build();
    }
    if (value instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Number n) {
      return JSON.createValue(new BigDecimal(n.toString()));
    }
    return JSON.createValue(String.valueOf(value));
  }

  /** A number as a long or a finite double; one that fits neither is refused, never stored. */
  private static Object number(JsonNumber number) {
    try {
      if (number.isIntegral()) {
        return number.longValueExact();
      }
    } catch (ArithmeticException tooLarge) {
      throw Problem.invalid("Number out of range: " + abbreviated(number));
    }
    double value = number.doubleValue();
    if (!Double.isFinite(value)) {
      throw Problem.invalid("Number out of range: " + abbreviated(number));
    }
    return value;
  }

  private static String abbreviated(JsonNumber number) {
    String text = number.toString();
    return text.length() <= 20 ? text : text.substring(0, 20) + "...";
  }
}
