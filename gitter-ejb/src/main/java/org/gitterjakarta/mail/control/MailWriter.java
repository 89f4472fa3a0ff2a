package org.gitterjakarta.mail.control;

import java.util.Optional;
import java.util.UUID;
import org.gitterjakarta.mail.entity.Digest;
import org.gitterjakarta.mail.entity.OutgoingMail;

/**
 * Writes the mails: the unread digest (as Gitter's "Unread messages in ..." mail), the address
 * verification and the room invite. Everything a person typed is escaped; a message's HTML is the
 * one sanitized when it was sent.
 */
public final class MailWriter {

  private final String baseUrl;

  public MailWriter(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public OutgoingMail digest(Digest digest, String to, String unsubscribeUrl, String messageId) {
    var text = new StringBuilder();
    var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
    text.append("Hi ").append(digest.displayName()).append(",\n\n");
    text.append("You have unread messages on Gitter:\n");
    html.append("<p>Hi ").append(escape(digest.displayName())).append(",</p>");
    html.append("<p>You have unread messages on Gitter:</p>");
    for (Digest.RoomUnread room : digest.rooms()) {
      String url = baseUrl + "/" + room.path();
      String counts = counts(room);
      text.append("\n").append(room.name()).append(" (").append(counts).append(")\n");
      html.append("<h3><a href=\"").append(escape(url)).append("\">");
      html.append(escape(room.name())).append("</a> <small class=\"counts\">");
      html.append(escape(counts)).append("</small></h3><ul>");
      for (Digest.Line line : room.latest()) {
        text.append("  ").append(line.sender()).append(": ").append(oneLine(line.text()));
        text.append("\n");
        html.append("<li><strong>").append(escape(line.sender())).append("</strong>: ");
        html.append(line.html()).append("</li>");
      }
      html.append("</ul>");
      text.append("  ").append(url).append("\n");
    }
    text.append("\nNo more of these mails: ").append(unsubscribeUrl).append("\n");
    html.append("<p style=\"font-size:small\">You get this mail because you have unread messages.");
    html.append(" <a href=\"").append(escape(unsubscribeUrl)).append("\">Unsubscribe</a></p>");
    html.append("</body></html>");
    return new OutgoingMail(
        to,
        subject(digest),
        text.toString(),
        html.toString(),
        Optional.of(unsubscribeUrl),
        messageId);
  }

  public OutgoingMail verification(String to, String displayName, String link) {
    String text =
        "Hi "
            + displayName
            + ",\n\nPlease confirm that Gitter may send mail to this address:\n"
            + link
            + "\n\nThe link works for 24 hours. If you did not ask for this, ignore this mail.\n";
    String html =
        "<!DOCTYPE html><html><body><p>Hi "
            + escape(displayName)
            + ",</p><p>Please confirm that Gitter may send mail to this address:</p><p><a href=\""
            + escape(link)
            + "\">Confirm my address</a></p><p>The link works for 24 hours. If you did not ask"
            + " for this, ignore this mail.</p></body></html>";
    return new OutgoingMail(
        to, "Confirm your email address for Gitter", text, html, Optional.empty(), newId());
  }

  public OutgoingMail invite(String to, String inviter, String roomName, String roomPath) {
    String url = baseUrl + "/" + roomPath;
    String text = inviter + " invited you to chat in " + roomName + " on Gitter:\n" + url + "\n";
    String html =
        "<!DOCTYPE html><html><body><p>"
            + escape(inviter)
            + " invited you to chat in <strong>"
            + escape(roomName)
            + "</strong> on Gitter.</p><p><a href=\""
            + escape(url)
            + "\">Join the room</a></p></body></html>";
    return new OutgoingMail(
        to, inviter + " invited you to " + roomName, text, html, Optional.empty(), newId());
  }

  static String subject(Digest digest) {
    var rooms = digest.rooms();
    String first = rooms.get(0).name();
    return switch (rooms.size()) {
      case 1 -> "Unread messages in " + first;
      case 2 -> "Unread messages in " + first + " and " + rooms.get(1).name();
      default -> "Unread messages in " + first + " and " + (rooms.size() - 1) + " other rooms";
    };
  }

  static String counts(Digest.RoomUnread room) {
    String unread = room.unreadItems() + " unread";
    if (room.mentions() == 0) {
      return unread;
    }
    return unread + ", " + room.mentions() + (room.mentions() == 1 ? " mention" : " mentions");
  }

  private static String oneLine(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
  }

  private static String newId() {
    return "<" + UUID.randomUUID() + "@gitter>";
  }

  static String escape(String s) {
    var out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
