package org.gitterjakarta.unread.entity;

import java.util.List;

/** Unread message ids (oldest first) and unread mention ids of one person in one room. */
public record Unread(List<String> chat, List<String> mention) {}
