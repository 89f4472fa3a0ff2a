package org.gitterjakarta.portability.control;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import org.gitterjakarta.portability.entity.ImportedMessage;
import org.gitterjakarta.problems.Problem;

/**
 * Reads messages from what exports hold: newline-delimited JSON (one message a line), JSON arrays
 * as {@code GET /v1/rooms/:id/chatMessages} answers them (any number of pages one after the other),
 * and {@code lookups=user} pages ({@code {items, lookups: {users}}}). One value is held at a time
 * (at most {@link #MAX_VALUE} characters), so a file of any length reads in constant memory. Any
 * fault is an invalid {@link Problem} naming the line where the value starts.
 */
public final class ImportReader {

  // looked up once: each Json.createXxx() call searches the class path for a provider
  private static final JsonProvider JSON = JsonProvider.provider();

  /** The longest single value: a page of 100 messages of 4096 characters, with room to spare. */
  static final int MAX_VALUE = 4 * 1024 * 1024;

  private final Reader in;
  private final Deque<ImportedMessage> pending = new ArrayDeque<>();
  private int line = 1;
  private int peeked = -2;
  private boolean inArray;

  public ImportReader(Reader in) {
    this.in = in;
  }

  /** The next message, or empty at the end of the input. */
  public Optional<ImportedMessage> next() throws IOException {
    while (pending.isEmpty()) {
      int c = skipSpace();
      if (c < 0) {
        if (inArray) {
          throw fault(line, "the input ends inside a JSON array (a ']' is missing)");
        }
        return Optional.empty();
      }
      if (inArray) {
        if (c == ']') {
          read();
          inArray = false;
          continue;
        }
        if (c == ',') {
          read();
          c = skipSpace();
        }
      } else if (c == '[') {
        read();
        inArray = true;
        continue;
      }
      if (c != '{') {
        throw fault(line, "expected a JSON object, found '" + (char) c + "'");
      }
      int start = line;
      expand(start, parse(start, readValue(start)));
    }
    return Optional.of(pending.poll());
  }

  /** A message, or a {@code lookups=user} page of them. */
  private void expand(int start, JsonObject value) {
    if (!value.containsKey("items")) {
      pending.add(ImportedMessages.of(start, value, Map.of()));
      return;
    }
    if (value.get("items").getValueType() != JsonValue.ValueType.ARRAY) {
      throw fault(start, "'items' is not an array");
    }
    JsonObject users = lookups(start, value);
    for (JsonValue item : value.getJsonArray("items")) {
      if (item.getValueType() != JsonValue.ValueType.OBJECT) {
        throw fault(start, "an item of 'items' is not a JSON object");
      }
      pending.add(ImportedMessages.of(start, item.asJsonObject(), users));
    }
  }

  private static JsonObject lookups(int start, JsonObject page) {
    JsonValue lookups = page.getOrDefault("lookups", JsonValue.EMPTY_JSON_OBJECT);
    if (lookups.getValueType() != JsonValue.ValueType.OBJECT) {
      throw fault(start, "'lookups' is not an object");
    }
    JsonValue users = lookups.asJsonObject().getOrDefault("users", JsonValue.EMPTY_JSON_OBJECT);
    if (users.getValueType() != JsonValue.ValueType.OBJECT) {
      throw fault(start, "'lookups.users' is not an object");
    }
    return users.asJsonObject();
  }

  private static JsonObject parse(int start, String text) {
    try (var reader = JSON.createReader(new StringReader(text))) {
      return reader.readObject();
    } catch (JsonException e) {
      throw fault(start, "malformed JSON (" + e.getMessage() + ")");
    }
  }

  /** The text of one balanced JSON object, strings and escapes respected. */
  private String readValue(int start) throws IOException {
    StringBuilder value = new StringBuilder();
    int depth = 0;
    boolean inString = false;
    boolean escaped = false;
    do {
      int c = read();
      if (c < 0) {
        throw fault(start, "the input ends inside this JSON value");
      }
      if (value.length() >= MAX_VALUE) {
        throw fault(start, "a JSON value longer than " + MAX_VALUE + " characters");
      }
      value.append((char) c);
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        } else if (c == '\n') {
          throw fault(start, "a line break inside a string");
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      }
    } while (depth > 0);
    return value.toString();
  }

  private int skipSpace() throws IOException {
    int c = peek();
    while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF') {
      read();
      c = peek();
    }
    return c;
  }

  private int peek() throws IOException {
    if (peeked == -2) {
      try {
        peeked = in.read();
      } catch (java.nio.charset.CharacterCodingException e) {
        throw fault(line, "the file is not UTF-8 text");
      }
    }
    return peeked;
  }

  private int read() throws IOException {
    int c = peek();
    peeked = -2;
    if (c == '\n') {
      line++;
    }
    return c;
  }

  static Problem fault(int line, String reason) {
    return Problem.invalid("line " + line + ": " + reason);
  }
}
