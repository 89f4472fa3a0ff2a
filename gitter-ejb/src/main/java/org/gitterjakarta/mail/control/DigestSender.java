package org.gitterjakarta.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.gitterjakarta.mail.entity.Digest;
import org.gitterjakarta.mail.entity.LinkToken;
import org.gitterjakarta.presence.control.PresenceStore;
import org.gitterjakarta.users.control.SettingsStore;
import org.gitterjakarta.users.control.UserRepository;
import org.gitterjakarta.users.entity.User;

/**
 * Decides and sends one person's digest while holding their lock. Nothing goes to people without a
 * verified address, who opted out, or who are online (they see their unread counts). A digest waits
 * until {@code interval} (for a mention or one-to-one message: {@code mention-delay}) has passed
 * since the last one. Before the SMTP conversation the digest is marked in flight; an instance that
 * died mid-send leaves that mark, and the digest counts as sent: a person may miss one digest but
 * never gets one twice.
 */
@ApplicationScoped
public class DigestSender {

  public static final String OPT_OUT = "unread_notifications_optout";
  private static final System.Logger LOGGER = System.getLogger(DigestSender.class.getName());

  @Inject MailSettings settings;
  @Inject MailQueue queue;
  @Inject MailAddressStore addresses;
  @Inject SettingsStore userSettings;
  @Inject UserRepository users;
  @Inject PresenceStore presence;
  @Inject DigestReader reader;
  @Inject MailTransport transport;

  /** What happened to a person who was due; for the log and the tests of the decisions. */
  public enum Outcome {
    NOT_DUE,
    NOTHING_TO_SEND,
    ONLINE,
    WAITING,
    SENT,
    FAILED
  }

  public Outcome process(String userId, long now) {
    Optional<Long> dueAt = queue.dueAt(userId);
    if (dueAt.isEmpty() || dueAt.get() > now) {
      return Outcome.NOT_DUE; // another instance got there first
    }
    queue.inFlight(userId).ifPresent(digest -> recoverInFlight(userId, digest));
    Optional<User> user = users.findById(userId).filter(u -> !u.isRemoved());
    Optional<String> to = addresses.verified(userId);
    if (user.isEmpty() || to.isEmpty() || optedOut(userId)) {
      queue.done(userId, dueAt.get());
      return Outcome.NOTHING_TO_SEND;
    }
    if (!presence.online(Set.of(userId)).isEmpty()) {
      queue.postpone(userId, now + settings.mentionDelay().toMillis());
      return Outcome.ONLINE;
    }
    long last = queue.lastSent(userId);
    Digest digest = reader.read(user.get(), last);
    if (digest.isEmpty()) {
      queue.done(userId, dueAt.get());
      return Outcome.NOTHING_TO_SEND;
    }
    long gap = (digest.urgent() ? settings.mentionDelay() : settings.interval()).toMillis();
    if (last + gap > now) {
      queue.postpone(userId, last + gap);
      return Outcome.WAITING;
    }
    return send(digest, to.get(), now);
  }

  private Outcome send(Digest digest, String to, long now) {
    String userId = digest.userId();
    String messageId = "<digest-" + userId + "-" + now + "@gitter>";
    queue.sending(userId, now + " " + messageId);
    try {
      transport.send(
          new MailWriter(settings.baseUrl()).digest(digest, to, unsubscribeUrl(userId), messageId));
    } catch (MessagingException | RuntimeException e) {
      queue.notSent(userId);
      queue.postpone(userId, now + settings.retryDelay().toMillis());
      LOGGER.log(
          System.Logger.Level.WARNING,
          "Unread digest of {0} not taken by the mail server; tried again in {1}: {2}",
          userId,
          settings.retryDelay(),
          e.toString());
      return Outcome.FAILED;
    }
    queue.sent(userId, now);
    // looked at again one interval on: what became unread since (in rooms still unread, which no
    // first-unread or mention marks) goes then; if nothing did, the person leaves the due list
    queue.postpone(userId, now + settings.interval().toMillis());
    LOGGER.log(
        System.Logger.Level.INFO,
        "Unread digest sent to {0}: {1} rooms, {2} messages",
        userId,
        digest.rooms().size(),
        digest.unreadItems());
    return Outcome.SENT;
  }

  /** A digest was in flight when its sender died: count it as sent, as of when it started. */
  private void recoverInFlight(String userId, String digest) {
    long started = Long.parseLong(digest.substring(0, digest.indexOf(' ')));
    LOGGER.log(
        System.Logger.Level.WARNING,
        "Unread digest {0} was being sent when its sender stopped; counted as sent",
        digest);
    queue.sent(userId, started);
  }

  private boolean optedOut(String userId) {
    return userSettings.value(userId, OPT_OUT).map(Boolean.TRUE::equals).orElse(false);
  }

  /** The one-click unsubscribe address; its token lasts a year, as old mails stay around. */
  public String unsubscribeUrl(String userId) {
    long expires = Instant.now().plusSeconds(366L * 86_400).getEpochSecond();
    String token =
        new LinkToken(LinkToken.UNSUBSCRIBE, userId, "", expires).sign(settings.secret());
    return settings.baseUrl() + "/api/v1/email/unsubscribe?token=" + token;
  }
}
