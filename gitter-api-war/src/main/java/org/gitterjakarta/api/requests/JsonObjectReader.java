package org.gitterjakarta.api.requests;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ext.Provider;

/** JSON object bodies; an empty body reads as {@code {}}, so routes see no null. */
@Provider
public class JsonObjectReader extends StrictJsonReader<JsonObject> {

  @Override
  boolean reads(Class<?> type) {
    return type == JsonObject.class;
  }

  @Override
  JsonObject convert(JsonValue value, Class<JsonObject> type) {
    JsonObject object = JsonBodies.object(value);
    return object == null ? JsonValue.EMPTY_JSON_OBJECT : object;
  }
}
