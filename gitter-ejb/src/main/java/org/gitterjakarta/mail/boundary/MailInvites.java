package org.gitterjakarta.mail.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.util.Optional;
import org.gitterjakarta.mail.control.MailAddressStore;
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
 * Invites by email ({@code POST /v1/rooms/:id/invites} with {@code type: "email"}): the owner of a
 * verified address is added at once, as Gitter did; anyone else gets a mail with the room's
 * address. Whoever may add people to the room may invite, at most {@code
 * gitter.mail.invites-per-day} mails a day (Gitter: 10).
 */
@Stateless
public class MailInvites {

  private static final System.Logger LOGGER = System.getLogger(MailInvites.class.getName());

  @Inject MailAddressStore addresses;
  @Inject MailSettings settings;
  @Inject MailQueue queue;
  @Inject MailTransport transport;
  @Inject Memberships memberships;
  @Inject Rooms rooms;
  @Inject Users users;

  /** What became of an invite: the person added, or a mail sent (no person). */
  public record Invited(String status, Optional<UserJson> user) {}

  public Invited invite(String actorId, String roomId, String address) {
    String trimmed = address == null ? "" : address.strip();
    if (trimmed.isEmpty() || trimmed.length() > EmailAddresses.MAX_LENGTH) {
      throw Problem.invalid("emailAddress is required");
    }
    Room room = memberships.checkMayAdd(actorId, roomId);
    Optional<User> owner = addresses.ownerOf(trimmed).flatMap(users::find);
    if (owner.isPresent()) {
      return new Invited(
          "added", Optional.of(memberships.add(actorId, roomId, owner.get().username())));
    }
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
