package org.gitterjakarta.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gitterjakarta.mail.entity.LinkToken;

/**
 * The {@code gitter.mail.*} keys. Mail is off unless a host is configured; it also needs the secret
 * that signs the links in mails (verification, unsubscribe), so that a link made by one instance
 * works on any other.
 */
@ApplicationScoped
public class MailSettings {

  private static final System.Logger LOGGER = System.getLogger(MailSettings.class.getName());

  /** Shorter secrets are refused: they could be guessed from a link and its signature. */
  static final int MIN_SECRET_LENGTH = LinkToken.MIN_SECRET_LENGTH;

  @Inject
  @ConfigProperty(name = "gitter.mail.host")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "gitter.mail.port", defaultValue = "587")
  int port;

  /** {@code starttls} (required), {@code ssl} (SMTPS) or {@code none}. */
  @Inject
  @ConfigProperty(name = "gitter.mail.tls", defaultValue = "starttls")
  String tls;

  @Inject
  @ConfigProperty(name = "gitter.mail.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "gitter.mail.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "gitter.mail.from", defaultValue = "Gitter <noreply@localhost>")
  String from;

  @Inject
  @ConfigProperty(name = "gitter.mail.base-url", defaultValue = "http://localhost:8080")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "gitter.mail.secret")
  Optional<String> secret;

  @Inject
  @ConfigProperty(name = "gitter.mail.unread-delay", defaultValue = "PT1H")
  Duration unreadDelay;

  @Inject
  @ConfigProperty(name = "gitter.mail.mention-delay", defaultValue = "PT15M")
  Duration mentionDelay;

  @Inject
  @ConfigProperty(name = "gitter.mail.interval", defaultValue = "PT4H")
  Duration interval;

  @Inject
  @ConfigProperty(name = "gitter.mail.retry-delay", defaultValue = "PT1M")
  Duration retryDelay;

  @Inject
  @ConfigProperty(name = "gitter.mail.invites-per-day", defaultValue = "10")
  int invitesPerDay;

  @Inject
  @ConfigProperty(name = "gitter.mail.timeout-ms", defaultValue = "10000")
  int timeoutMillis;

  private Session session;

  @PostConstruct
  void open() {
    if (host.isEmpty()) {
      return;
    }
    if (secret.map(String::length).orElse(0) < MIN_SECRET_LENGTH) {
      LOGGER.log(
          System.Logger.Level.WARNING,
          "gitter.mail.host is set but gitter.mail.secret is missing or shorter than {0}"
              + " characters: no mail is sent",
          MIN_SECRET_LENGTH);
      return;
    }
    session = Session.getInstance(properties(), authenticator());
  }

  private Properties properties() {
    Properties p = new Properties();
    String mode = tls.toLowerCase(Locale.ROOT);
    String protocol = mode.equals("ssl") ? "smtps" : "smtp";
    String prefix = "mail." + protocol + ".";
    p.put("mail.transport.protocol", protocol);
    p.put(prefix + "host", host.get());
    p.put(prefix + "port", String.valueOf(port));
    p.put(prefix + "connectiontimeout", String.valueOf(timeoutMillis));
    p.put(prefix + "timeout", String.valueOf(timeoutMillis));
    p.put(prefix + "writetimeout", String.valueOf(timeoutMillis));
    p.put(prefix + "auth", String.valueOf(user.isPresent()));
    if (mode.equals("starttls")) {
      p.put(prefix + "starttls.enable", "true");
      p.put(prefix + "starttls.required", "true");
    }
    if (!mode.equals("none")) {
      p.put(prefix + "ssl.checkserveridentity", "true");
    }
    return p;
  }

  private Authenticator authenticator() {
    if (user.isEmpty()) {
      return null;
    }
    var credentials = new PasswordAuthentication(user.get(), password.orElse(""));
    return new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return credentials;
      }
    };
  }

  public boolean enabled() {
    return session != null;
  }

  public Session session() {
    return session;
  }

  public String from() {
    return from;
  }

  public String secret() {
    return secret.orElse("");
  }

  /** The address people reach this server at, without a trailing slash. */
  public String baseUrl() {
    return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  public Duration unreadDelay() {
    return unreadDelay;
  }

  public Duration mentionDelay() {
    return mentionDelay;
  }

  public Duration interval() {
    return interval;
  }

  public Duration retryDelay() {
    return retryDelay;
  }

  public int invitesPerDay() {
    return invitesPerDay;
  }
}
