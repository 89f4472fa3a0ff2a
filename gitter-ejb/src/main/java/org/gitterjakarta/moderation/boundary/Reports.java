package org.gitterjakarta.moderation.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.bson.types.ObjectId;
import org.gitterjakarta.messages.boundary.Messages;
import org.gitterjakarta.messages.entity.ChatMessage;
import org.gitterjakarta.moderation.control.ReportRepository;
import org.gitterjakarta.moderation.entity.MessageReport;
import org.gitterjakarta.moderation.entity.ReportWeights;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.users.boundary.Users;

/**
 * Reporting messages: one weighted report per reporter and message; once a message's reports weigh
 * enough it is removed, as a moderator would.
 */
@Stateless
public class Reports {

  private static final System.Logger LOGGER = System.getLogger(Reports.class.getName());

  @Inject Rooms rooms;
  @Inject Messages messages;
  @Inject ReportRepository reports;
  @Inject Users users;

  public ReportJson report(String reporterId, String roomId, String messageId) {
    var target = rooms.readableWithAccess(reporterId, roomId);
    ChatMessage message = messages.readable(reporterId, roomId, messageId);
    String senderId = message.fromUserId();
    if (reporterId.equals(senderId)) {
      throw Problem.notAllowed("You cannot report your own message");
    }
    var existing = reports.findById(MessageReport.idOf(message.id(), reporterId));
    if (existing.isPresent()) {
      return json(existing.get(), message);
    }
    long now = System.currentTimeMillis();
    double weight =
        ReportWeights.weight(
            createdAt(reporterId), createdAt(message.id()), now, target.access().admin());
    MessageReport report =
        reports.save(
            new MessageReport(
                MessageReport.idOf(message.id(), reporterId),
                now,
                weight,
                reporterId,
                message.id(),
                senderId,
                target.room().id(),
                message.text()));
    double total =
        reports.findByMessageId(message.id()).stream().mapToDouble(MessageReport::weight).sum();
    if (total >= ReportWeights.DELETE_AT) {
      messages.removeAsModerator(target.room().id(), message.id());
      LOGGER.log(
          System.Logger.Level.INFO,
          "Message {0} removed after reports weighing {1}",
          message.id(),
          total);
    }
    return json(report, message);
  }

  private ReportJson json(MessageReport report, ChatMessage message) {
    return new ReportJson(
        report.id(),
        org.gitterjakarta.wire.IsoDates.format(report.sent()),
        report.weight(),
        report.reporterUserId(),
        users.findIncludingRemoved(report.reporterUserId()).map(UserJson::of).orElse(null),
        report.messageId(),
        report.messageUserId(),
        users.findIncludingRemoved(report.messageUserId()).map(UserJson::of).orElse(null),
        report.text(),
        messages.json(List.of(message)).get(0));
  }

  /** Ids are ObjectIds, which carry their creation second. */
  private static long createdAt(String id) {
    return new ObjectId(id).getDate().getTime();
  }
}
