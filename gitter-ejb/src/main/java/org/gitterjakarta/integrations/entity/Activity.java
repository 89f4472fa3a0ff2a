package org.gitterjakarta.integrations.entity;

import java.util.Map;

/** What a recognised payload says happened: markdown text and the event's meta facts. */
public record Activity(String text, Map<String, String> meta) {}
