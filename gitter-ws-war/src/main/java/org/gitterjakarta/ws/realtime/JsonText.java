package org.gitterjakarta.ws.realtime;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import org.eclipse.jetty.util.ajax.JSON;

/**
 * Domain JSON (records serialised with JSON-B, the REST API's shapes) inside CometD messages. A
 * {@link JSON.Literal} is written out as is, so an event's data is serialised once per instance,
 * not once per socket.
 */
final class JsonText {

  private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

  private JsonText() {}

  static JSON.Literal of(Object value) {
    return new JSON.Literal(JSONB.toJson(value));
  }

  static JSON.Literal raw(String json) {
    return new JSON.Literal(json);
  }
}
