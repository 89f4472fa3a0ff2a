package org.gitterjakarta.portability.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.gitterjakarta.messages.entity.ChatMessage;
import org.gitterjakarta.portability.entity.ImportedMessage;

/**
 * Gitter's message JSON (as this project's exports and Gitter's API write it) to an {@link
 * ImportedMessage}: the fields a copy needs, each checked, every fault naming the line. The HTML
 * and mentions of the file are not taken: the text is rendered again, so a file cannot bring in
 * markup the renderer would not make.
 */
final class ImportedMessages {

  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{24}");

  private ImportedMessages() {}

  static ImportedMessage of(int line, JsonObject json, Map<String, JsonValue> users) {
    String id = id(line, json, "id");
    if (id == null) {
      throw ImportReader.fault(line, "a message without an 'id'");
    }
    String text = string(line, json, "text");
    if (text == null) {
      throw ImportReader.fault(line, "message " + id + " has no 'text'");
    }
    if (text.length() > ChatMessage.MAX_LENGTH) {
      throw ImportReader.fault(line, "message " + id + " is longer than 4096 characters");
    }
    String sent = string(line, json, "sent");
    if (sent == null) {
      throw ImportReader.fault(line, "message " + id + " has no 'sent' date");
    }
    String edited = string(line, json, "editedAt");
    return new ImportedMessage(
        line,
        id,
        text,
        date(line, sent),
        edited == null ? null : date(line, edited),
        json.getBoolean("status", false),
        id(line, json, "parentId"),
        count(json),
        author(line, id, json.get("fromUser"), users));
  }

  private static ImportedMessage.Author author(
      int line, String id, JsonValue sender, Map<String, JsonValue> users) {
    if (sender instanceof JsonString senderId) {
      // lookups=user pages name the sender by id and list the users once
      sender = users.get(senderId.getString());
    }
    if (!(sender instanceof JsonObject user)) {
      throw ImportReader.fault(line, "message " + id + " has no sender ('fromUser')");
    }
    String username = string(line, user, "username");
    if (username == null || username.isBlank()) {
      throw ImportReader.fault(line, "the sender of message " + id + " has no 'username'");
    }
    String name = string(line, user, "displayName");
    return new ImportedMessage.Author(
        username, name == null ? username : name, JsonValue.TRUE.equals(user.get("removed")));
  }

  private static String id(int line, JsonObject json, String field) {
    String id = string(line, json, field);
    if (id != null && !OBJECT_ID.matcher(id).matches()) {
      throw ImportReader.fault(line, "'" + field + "' is not a 24-character hex id: " + id);
    }
    return id == null ? null : id.toLowerCase(Locale.ROOT);
  }

  private static String string(int line, JsonObject json, String field) {
    JsonValue value = json.get(field);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonString string)) {
      throw ImportReader.fault(line, "'" + field + "' is not a string");
    }
    return string.getString();
  }

  private static long date(int line, String iso) {
    try {
      return Instant.parse(iso).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw ImportReader.fault(line, "not an ISO-8601 date: " + iso);
    }
  }

  private static int count(JsonObject json) {
    return json.get("threadMessageCount") instanceof JsonNumber n
        ? Math.max(0, Math.min(n.intValue(), 1_000_000))
        : 0;
  }
}
