package org.gitterjakarta.testsupport.bayeux;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages this client sends, and batches read back. Connects and disconnects are written as
 * text: they are the ones sent over and over.
 */
final class Messages {

  private static final System.Logger LOGGER = System.getLogger(Messages.class.getName());

  private Messages() {}

  static JsonObjectBuilder handshake(String connectionType, JsonObject ext) {
    JsonObjectBuilder message =
        Json.createObjectBuilder()
            .add("channel", "/meta/handshake")
            .add("version", "1.0")
            .add("supportedConnectionTypes", Json.createArrayBuilder().add(connectionType));
    if (ext != null) {
      message.add("ext", ext);
    }
    return message;
  }

  static JsonObjectBuilder subscribe(String channel, JsonValue snapshot) {
    JsonObjectBuilder message =
        Json.createObjectBuilder().add("channel", "/meta/subscribe").add("subscription", channel);
    if (snapshot != null) {
      message.add("ext", Json.createObjectBuilder().add("snapshot", snapshot));
    }
    return message;
  }

  static JsonObjectBuilder publish(String channel, JsonObject data) {
    return Json.createObjectBuilder().add("channel", channel).add("data", data);
  }

  static String connect(String clientId, String connectionType, int id) {
    return "[{\"channel\":\"/meta/connect\",\"clientId\":\""
        + clientId
        + "\",\"connectionType\":\""
        + connectionType
        + "\",\"id\":\""
        + id
        + "\"}]";
  }

  static String disconnect(String clientId) {
    return "[{\"channel\":\"/meta/disconnect\",\"clientId\":\"" + clientId + "\"}]";
  }

  /** The messages of a frame or response body: a batch, or one bare message. */
  static List<JsonObject> parse(String frame) {
    List<JsonObject> messages = new ArrayList<>();
    try (var reader = Json.createReader(new StringReader(frame))) {
      JsonValue value = reader.readValue();
      for (JsonValue message : value instanceof JsonArray array ? array : List.of(value)) {
        if (message instanceof JsonObject object) {
          messages.add(object);
        }
      }
    } catch (JsonException e) {
      // reported below
    }
    if (messages.isEmpty()) {
      LOGGER.log(System.Logger.Level.WARNING, "not a Bayeux batch: {0}", frame);
    }
    return messages;
  }

  /** A reply that says {@code successful}; anything else is an {@link IllegalStateException}. */
  static JsonObject successful(JsonObject reply) {
    if (!reply.getBoolean("successful", false)) {
      throw new IllegalStateException("refused: " + reply);
    }
    return reply;
  }
}
