package org.gitterjakarta.messages.entity;

import java.util.List;

/** Fired once a message is deleted; {@code mentionedUserIds} may hold people outside the room. */
public record MessageRemoved(String roomId, String messageId, List<String> mentionedUserIds) {}
