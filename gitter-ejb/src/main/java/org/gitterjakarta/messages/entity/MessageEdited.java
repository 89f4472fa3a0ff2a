package org.gitterjakarta.messages.entity;

/** Fired once an edit is stored; mentions may have been added or removed. */
public record MessageEdited(ChatMessage before, ChatMessage after) {}
