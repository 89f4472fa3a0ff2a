package org.gitterjakarta.api.requests;

import jakarta.json.JsonValue;
import jakarta.ws.rs.ext.Provider;

/** Request records, bound strictly once the body passed the checks of {@link JsonBodies}. */
@Provider
public class RecordReader extends StrictJsonReader<Record> {

  @Override
  boolean reads(Class<?> type) {
    return type.isRecord();
  }

  @Override
  Record convert(JsonValue value, Class<Record> type) {
    return JsonBodies.bind(value, type);
  }
}
