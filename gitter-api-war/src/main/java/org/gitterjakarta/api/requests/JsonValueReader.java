package org.gitterjakarta.api.requests;

import jakarta.json.JsonValue;
import jakarta.ws.rs.ext.Provider;

/** Free-form JSON bodies (a setting's value). */
@Provider
public class JsonValueReader extends StrictJsonReader<JsonValue> {

  @Override
  boolean reads(Class<?> type) {
    return type == JsonValue.class;
  }

  @Override
  JsonValue convert(JsonValue value, Class<JsonValue> type) {
    return value;
  }
}
