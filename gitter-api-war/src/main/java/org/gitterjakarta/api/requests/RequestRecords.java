package org.gitterjakarta.api.requests;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import org.gitterjakarta.problems.Problem;

/**
 * Binds a JSON object to a request record, one component per field of the same name, strictly: a
 * field of the wrong JSON type is a 400 naming it ({@code "text must be a string"}), where JSON-B
 * would turn {@code 123} into {@code "123"} or fail with a message about Java types. Absent and
 * {@code null} fields are null; unknown fields are ignored, as Gitter ignored them. Components may
 * be {@code String}, {@code Boolean}, {@code Integer}, {@code Long}, {@code List<String>} or a
 * {@code JsonValue} for the fields Gitter accepted in several shapes. Constraints on the record are
 * Bean Validation's business, after binding.
 */
public final class RequestRecords {

  private RequestRecords() {}

  public static <T> T bind(JsonObject object, Class<T> type) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      types[i] = component.getType();
      values[i] =
          value(component.getName(), object.get(component.getName()), component.getGenericType());
    }
    try {
      return type.getDeclaredConstructor(types).newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException refused) {
        throw refused;
      }
      throw new IllegalStateException("Cannot make " + type.getName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot make " + type.getName(), e);
    }
  }

  private static Object value(String name, JsonValue value, Type type) {
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (type == JsonValue.class) {
      return value;
    }
    if (type == String.class) {
      if (value instanceof JsonString text) {
        return text.getString();
      }
      throw Problem.invalid(name + " must be a string");
    }
    if (type == Boolean.class) {
      if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
        return value == JsonValue.TRUE;
      }
      throw Problem.invalid(name + " must be true or false");
    }
    if (type == Integer.class || type == Long.class) {
      return number(name, value, type == Integer.class);
    }
    if (type instanceof ParameterizedType list
        && list.getRawType() == List.class
        && list.getActualTypeArguments()[0] == String.class) {
      if (value instanceof JsonArray array
          && array.stream().allMatch(JsonString.class::isInstance)) {
        return array.getValuesAs(JsonString::getString);
      }
      throw Problem.invalid(name + " must be a list of strings");
    }
    throw new IllegalStateException("No JSON binding for " + type + " of " + name);
  }

  private static Object number(String name, JsonValue value, boolean asInt) {
    try {
      if (value instanceof JsonNumber number && number.isIntegral()) {
        return asInt ? (Object) number.intValueExact() : (Object) number.longValueExact();
      }
    } catch (ArithmeticException outOfRange) {
      throw Problem.invalid(name + " is out of range");
    }
    throw Problem.invalid(name + " must be a whole number");
  }
}
