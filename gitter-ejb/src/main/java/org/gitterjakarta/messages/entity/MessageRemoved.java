package org.gitterjakarta.messages.entity;

/** Fired once a message is deleted. */
public record MessageRemoved(String roomId, String messageId) {}
