package org.gitterjakarta.messages.control;

/** The JSON rendered from a message at a version, to be kept with it while it has that version. */
public record JsonToKeep(String messageId, long version, String json) {}
