package org.gitterjakarta.mail.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.util.Optional;
import org.gitterjakarta.mail.control.MailQueue;
import org.gitterjakarta.mail.control.MailSettings;
import org.gitterjakarta.mail.control.MailTransport;
import org.gitterjakarta.mail.control.MailWriter;
import org.gitterjakarta.memberships.boundary.Memberships;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.users.boundary.Users;
import org.gitterjakarta.users.entity.User;

/**
 * Invites by email ({@code POST /v1/rooms/:id/invites} with {@code type: "email"}): the address
 * gets a mail with the room's address, whoever owns it (the answer never names them). Whoever may
 * add people to the room may invite, at most {@code gitter.mail.invites-per-day} mails a day
 * (Gitter: 10).
 */
@Stateless
public class MailInvites {

  private static final System.Logger LOGGER = System.getLogger(MailInvites.class.getName());

  @Inject MailSettings settings;
  @Inject MailQueue queue;
  @Inject MailTransport transport;
  @Inject Memberships memberships;
  @Inject Rooms rooms;
  @Inject Users users;

  /** What became of an invite: a mail sent (no person named). */
  public record Invited(String status, Optional<UserJson> user) {}

  public Invited invite(String actorId, String roomId, String address) {
    String trimmed = address == null ? "" : address.strip();
    if (trimmed.isEmpty() || trimmed.length() > EmailAddresses.MAX_LENGTH) {
      throw Problem.invalid("emailAddress is required");
    }
    Room room = memberships.checkMayAdd(actorId, roomId);
    // Always a mail, even to an address someone here has verified: adding that person at once
    // would tell anyone with a room of their own who owns any address (addresses are private).
    if (!EmailAddresses.plainAddress(trimmed)) {
      throw Problem.invalid("That is not an email address");
    }
    if (!settings.enabled()) {
      throw Problem.conflict("This server sends no mail: invite a Gitter username");
    }
    if (!queue.allowedToday("invites", actorId, settings.invitesPerDay())) {
      throw new Problem(Problem.Kind.TOO_MANY, "Too many invites by email today");
    }
    String inviter = users.find(actorId).map(User::displayNameOrUsername).orElse("Someone");
    try {
      transport.send(
          new MailWriter(settings.baseUrl()).invite(trimmed, inviter, room.uri(), room.uri()));
    } catch (MessagingException | RuntimeException e) {
      LOGGER.log(System.Logger.Level.WARNING, "Invite mail not sent: {0}", e.toString());
      throw Problem.unavailable("The mail server did not take the invite; try again");
    }
    LOGGER.log(System.Logger.Level.INFO, "{0} invited someone to {1} by email", actorId, room.id());
    return new Invited("invited", Optional.empty());
  }
}
