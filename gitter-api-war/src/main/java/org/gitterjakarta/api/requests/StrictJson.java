package org.gitterjakarta.api.requests;

import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.NoSuchElementException;
import org.gitterjakarta.problems.Problem;

/**
 * Parses a request body as exactly one JSON value, nested at most {@link #MAX_DEPTH} levels: a
 * deeper document would cost the tree builder its stack, and trailing text after the value means
 * the client sent something other than it thinks.
 */
public final class StrictJson {

  // looked up once: each Json.createXxx() call searches the class path for a provider
  private static final JsonProvider JSON = JsonProvider.provider();

  static final int MAX_DEPTH = 32;

  private StrictJson() {}

  /** The value of {@code text}; a {@link Problem} (400) when it is not one bounded JSON value. */
  public static JsonValue parse(String text) {
    try {
      checkShape(text);
      try (var reader = JSON.createReader(new StringReader(text))) {
        return reader.readValue();
      }
    } catch (JsonException | IllegalStateException | NoSuchElementException e) {
      throw Problem.invalid("Malformed JSON body");
    }
  }

  private static void checkShape(String text) {
    try (JsonParser parser = JSON.createParser(new StringReader(text))) {
      int depth = 0;
      do {
        switch (parser.next()) {
          case START_OBJECT, START_ARRAY -> {
            if (++depth > MAX_DEPTH) {
              throw Problem.invalid("JSON body nested more than " + MAX_DEPTH + " levels");
            }
          }
          case END_OBJECT, END_ARRAY -> depth--;
          default -> {}
        }
      } while (depth > 0);
      if (parser.hasNext()) {
        throw Problem.invalid("Unexpected content after the JSON body");
      }
    }
  }
}
