package org.gitterjakarta.moderation.boundary;

import org.gitterjakarta.messages.boundary.ChatMessageJson;
import org.gitterjakarta.users.boundary.UserJson;

/** Gitter's message report shape. */
public record ReportJson(
    String id,
    String sent,
    double weight,
    String reporterUserId,
    UserJson reporterUser,
    String messageId,
    String messageUserId,
    UserJson messageUser,
    String messageText,
    ChatMessageJson message) {}
