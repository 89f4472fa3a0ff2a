package org.gitterjakarta.api.requests;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.gitterjakarta.api.errors.ApiError;
import org.gitterjakarta.problems.Problem;

/**
 * How the API reads every JSON request body: size-capped, parsed by {@link StrictJson}, then taken
 * as a JSON-P value or bound to a request record ({@link RequestRecords}). A body that is not the
 * JSON a route expects is a 400 with Gitter's error body, never a server error; an empty body reads
 * as an empty object, whose missing fields the route or Bean Validation refuses. The readers of
 * this package are one per target kind, so that each is the closest match JAX-RS finds for its
 * type.
 */
public final class JsonBodies {

  public static final int MAX_BODY_BYTES = 256 * 1024;

  private JsonBodies() {}

  /** The body's JSON value, or null when the body is empty. */
  public static JsonValue read(InputStream entity) throws IOException {
    byte[] body = entity.readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      throw new WebApplicationException(
          ApiError.response(
              Response.Status.REQUEST_ENTITY_TOO_LARGE,
              "A request body may have at most " + MAX_BODY_BYTES + " bytes"));
    }
    return parse(body);
  }

  /** Bytes already read (and capped) as one JSON value, or null when blank. */
  public static JsonValue parse(byte[] body) {
    String text = utf8(body);
    return text.isBlank() ? null : StrictJson.parse(text);
  }

  /** JSON is UTF-8: bytes that are not would otherwise be stored as replacement characters. */
  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(body))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw Problem.invalid("The body is not valid UTF-8");
    }
  }

  static JsonObject object(JsonValue value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject object)) {
      throw Problem.invalid("The body must be a JSON object");
    }
    return object;
  }

  /** A request record; an empty body binds as {@code {}}, leaving required fields to validation. */
  static <T> T bind(JsonValue value, Class<T> type) {
    JsonObject object = object(value);
    return RequestRecords.bind(object == null ? JsonValue.EMPTY_JSON_OBJECT : object, type);
  }
}
