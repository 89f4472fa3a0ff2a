package org.gitterjakarta.moderation.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import org.gitterjakarta.wire.DerivedIds;

/**
 * Someone's report of a message (Gitter's chatmessagereports). One report per reporter and message:
 * its id is derived from the pair, 24 hex characters like the ObjectIds clients expect.
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
    return DerivedIds.of(messageId + ":" + reporterId);
  }
}
