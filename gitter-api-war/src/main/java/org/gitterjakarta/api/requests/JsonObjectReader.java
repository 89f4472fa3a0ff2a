package org.gitterjakarta.api.requests;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ext.Provider;

/** JSON object bodies (most routes). */
@Provider
public class JsonObjectReader extends StrictJsonReader<JsonObject> {

  @Override
  boolean reads(Class<?> type) {
    return type == JsonObject.class;
  }

  @Override
  JsonObject convert(JsonValue value, Class<JsonObject> type) {
    return JsonBodies.object(value);
  }
}
