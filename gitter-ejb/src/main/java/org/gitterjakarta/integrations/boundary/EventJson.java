package org.gitterjakarta.integrations.boundary;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gitterjakarta.integrations.entity.ActivityEvent;
import org.gitterjakarta.wire.IsoDates;

/**
 * Gitter's Event shape: {@code {id, text, html, sent, editedAt, meta, v}}. Events here are always
 * prerendered ({@code meta.prerendered}), so no {@code payload} is sent, as Gitter did for those.
 */
public record EventJson(
    String id,
    String text,
    String html,
    String sent,
    String editedAt,
    Map<String, Object> meta,
    int v) {

  public static EventJson of(ActivityEvent event) {
    Map<String, Object> meta = new LinkedHashMap<>(event.meta());
    meta.put("prerendered", true);
    return new EventJson(
        event.id(), event.text(), event.html(), IsoDates.format(event.sent()), null, meta, 1);
  }
}
