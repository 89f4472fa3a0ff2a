package org.gitterjakarta.mail.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gitterjakarta.mail.control.MailAddressStore;
import org.gitterjakarta.mail.control.MailQueue;
import org.gitterjakarta.mail.control.MailSettings;
import org.gitterjakarta.mail.control.MailTransport;
import org.gitterjakarta.mail.control.MailWriter;
import org.gitterjakarta.mail.entity.EmailAddress;
import org.gitterjakarta.mail.entity.LinkToken;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.users.boundary.Users;
import org.gitterjakarta.users.entity.User;

/**
 * A person's email address, set in their settings and proved theirs by a signed link that expires
 * after a day. Mail goes only to verified addresses; a new address starts unverified.
 */
@Stateless
public class EmailAddresses {

  static final Duration LINK_LIFETIME = Duration.ofHours(24);
  static final int MAX_LENGTH = 254;

  /** Verification mails a person may ask for per day. */
  static final int VERIFICATIONS_PER_DAY = 5;

  /** A plain address: no display name, no comments, no quoted local part, a dotted domain. */
  private static final Pattern ADDRESS =
      Pattern.compile("[^@\\s<>()\\[\\],;:\"\\\\]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

  private static final System.Logger LOGGER = System.getLogger(EmailAddresses.class.getName());

  @Inject MailAddressStore store;
  @Inject MailSettings settings;
  @Inject MailTransport transport;
  @Inject MailQueue queue;
  @Inject Users users;

  /** The person's address and whether it is verified; empty when none is set. */
  public Optional<EmailAddress> of(String userId) {
    return store.of(userId);
  }

  /** Sets a new address and mails it the verification link. */
  public EmailAddress set(String userId, String address) {
    String trimmed = address == null ? "" : address.strip();
    if (!plainAddress(trimmed)) {
      throw Problem.invalid("That is not an email address");
    }
    if (!settings.enabled()) {
      throw Problem.conflict("This server sends no mail, so addresses cannot be verified");
    }
    User user = users.find(userId).orElseThrow(() -> Problem.notFound("User not found"));
    Optional<EmailAddress> current = store.of(userId);
    if (current.filter(a -> a.verified() && a.address().equals(trimmed)).isPresent()) {
      return current.get(); // the same verified address again: nothing to do
    }
    if (!queue.allowedToday("verifications", userId, VERIFICATIONS_PER_DAY)) {
      throw new Problem(Problem.Kind.TOO_MANY, "Too many addresses today; try again tomorrow");
    }
    long expires = Instant.now().plus(LINK_LIFETIME).getEpochSecond();
    String token =
        new LinkToken(LinkToken.VERIFY, userId, trimmed, expires).sign(settings.secret());
    String link = settings.baseUrl() + "/api/v1/email/verify?token=" + token;
    try {
      transport.send(
          new MailWriter(settings.baseUrl())
              .verification(trimmed, user.displayNameOrUsername(), link));
    } catch (MessagingException | RuntimeException e) {
      LOGGER.log(System.Logger.Level.WARNING, "Verification mail not sent: {0}", e.toString());
      throw Problem.unavailable("The mail server did not take the verification mail; try again");
    }
    // replaced only once the link is on its way: a mail server that refuses it leaves a verified
    // address in place
    store.set(userId, trimmed);
    LOGGER.log(System.Logger.Level.INFO, "Email address of {0} set, verification sent", userId);
    return new EmailAddress(trimmed, false);
  }

  static boolean plainAddress(String address) {
    return address.length() <= MAX_LENGTH && ADDRESS.matcher(address).matches();
  }

  public void remove(String userId) {
    store.remove(userId);
  }

  /** Follows a verification link; the address verified. */
  public String verify(String token) {
    LinkToken claims =
        LinkToken.verify(token, settings.secret(), LinkToken.VERIFY, Instant.now().getEpochSecond())
            .orElseThrow(() -> Problem.invalid("This link is not valid or has expired"));
    if (!store.verify(claims.userId(), claims.subject())) {
      throw Problem.invalid("This link is for an address that is no longer yours");
    }
    LOGGER.log(System.Logger.Level.INFO, "Email address of {0} verified", claims.userId());
    return claims.subject();
  }
}
