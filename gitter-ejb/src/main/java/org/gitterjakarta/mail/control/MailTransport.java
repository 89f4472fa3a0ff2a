package org.gitterjakarta.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.gitterjakarta.mail.entity.OutgoingMail;

/**
 * Hands a mail to the configured SMTP server (Jakarta Mail; Payara ships the implementation): a
 * {@code multipart/alternative} of the plain text and the HTML. Fails with {@link
 * MessagingException} when the server does not take it, so the caller can try again later.
 */
@ApplicationScoped
public class MailTransport {

  @Inject MailSettings settings;

  public void send(OutgoingMail mail) throws MessagingException {
    var message =
        new MimeMessage(settings.session()) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", mail.messageId());
          }
        };
    message.setFrom(new InternetAddress(settings.from(), true));
    message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to(), true));
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    mail.unsubscribeUrl()
        .ifPresent(
            url -> {
              try {
                message.setHeader("List-Unsubscribe", "<" + url + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            });
    var text = new MimeBodyPart();
    text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
    var html = new MimeBodyPart();
    html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
    message.setContent(new MimeMultipart("alternative", text, html));
    Transport.send(message);
  }
}
