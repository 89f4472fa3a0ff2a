package org.gitterjakarta.messages.entity;

/** Fired once a new message is stored, so that unread state and others can follow. */
public record MessageStored(ChatMessage message) {}
