package org.gitterjakarta.messages.entity;

/**
 * Fired once a new message is stored, so that unread state and others can follow; {@code notice} is
 * what a desktop notification of it shows.
 */
public record MessageStored(ChatMessage message, MessageNotice notice) {}
