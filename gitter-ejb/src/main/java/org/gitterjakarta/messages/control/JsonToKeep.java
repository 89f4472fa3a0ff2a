package org.gitterjakarta.messages.control;

import org.gitterjakarta.messages.entity.ChatMessage;

/** A message as it was read and the JSON rendered from it, to be kept with it. */
public record JsonToKeep(ChatMessage message, String json) {}
