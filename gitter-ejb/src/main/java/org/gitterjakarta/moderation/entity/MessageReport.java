package org.gitterjakarta.moderation.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * Someone's report of a message (Gitter's chatmessagereports). Its id is {@code
 * <messageId>:<reporterId>}: one report per reporter and message.
 */
@Entity("chatmessagereports")
public record MessageReport(
    @Id String id,
    @Column long sent,
    @Column double weight,
    @Column String reporterUserId,
    @Column String messageId,
    @Column String messageUserId,
    @Column String troupeId,
    @Column String text) {

  public static String idOf(String messageId, String reporterId) {
    return messageId + ":" + reporterId;
  }
}
