package org.gitterjakarta.integrations.entity;

import java.util.Map;

/**
 * One entry of a room's activity feed as stored in {@code events}: the markdown text, its sanitized
 * HTML, and {@code meta} (service, event and the few facts the web UI shows, strings only). The raw
 * payload is not kept: the text is prerendered, as Gitter's {@code meta.prerendered} events were.
 */
public record ActivityEvent(
    String id,
    String toTroupeId,
    String integrationId,
    String text,
    String html,
    Map<String, String> meta,
    long sent) {}
