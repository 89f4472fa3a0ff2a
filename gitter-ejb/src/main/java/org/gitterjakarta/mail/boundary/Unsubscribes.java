package org.gitterjakarta.mail.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.gitterjakarta.mail.control.DigestSender;
import org.gitterjakarta.mail.control.MailSettings;
import org.gitterjakarta.mail.entity.LinkToken;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.users.control.SettingsStore;

/**
 * The one-click unsubscribe of every digest (RFC 8058): the signed link in the mail sets the
 * person's {@code unread_notifications_optout}, without sign-in. Settings turn it off again.
 */
@Stateless
public class Unsubscribes {

  private static final System.Logger LOGGER = System.getLogger(Unsubscribes.class.getName());

  @Inject MailSettings settings;
  @Inject SettingsStore store;

  /** Checks a link without acting on it (a mail scanner may fetch it); its user id. */
  public String check(String token) {
    return claims(token).userId();
  }

  public void unsubscribe(String token) {
    String userId = claims(token).userId();
    store.put(userId, Map.of(DigestSender.OPT_OUT, true));
    LOGGER.log(System.Logger.Level.INFO, "{0} unsubscribed from unread digests", userId);
  }

  private LinkToken claims(String token) {
    return LinkToken.verify(
            token, settings.secret(), LinkToken.UNSUBSCRIBE, Instant.now().getEpochSecond())
        .orElseThrow(() -> Problem.invalid("This unsubscribe link is not valid"));
  }
}
