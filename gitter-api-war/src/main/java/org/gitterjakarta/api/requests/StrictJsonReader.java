package org.gitterjakarta.api.requests;

import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * The readers of this package, one per target kind so that each is the closest match JAX-RS finds
 * for its type (ahead of the runtime's own JSON-P and JSON-B readers): they read through {@link
 * JsonBodies} and differ only in what they make of the value.
 */
@Consumes({MediaType.APPLICATION_JSON, "application/*+json", "text/json"})
abstract class StrictJsonReader<T> implements MessageBodyReader<T> {

  abstract boolean reads(Class<?> type);

  abstract T convert(JsonValue value, Class<T> type);

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return reads(type);
  }

  @Override
  public T readFrom(
      Class<T> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream entity)
      throws IOException {
    return convert(JsonBodies.read(entity), type);
  }
}
