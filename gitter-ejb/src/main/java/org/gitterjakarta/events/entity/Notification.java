package org.gitterjakarta.events.entity;

import java.util.LinkedHashMap;
import java.util.Map;

/** Gitter's notification messages: {@code {notification: "<kind>", ...fields}}. */
public final class Notification {

  private Notification() {}

  public static Map<String, Object> of(String kind, Map<String, ?> fields) {
    var body = new LinkedHashMap<String, Object>();
    body.put("notification", kind);
    body.putAll(fields);
    return body;
  }
}
