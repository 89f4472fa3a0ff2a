package org.gitterjakarta.mail.entity;

import java.util.Optional;

/**
 * A mail ready to go: recipient, subject, a plain-text and an HTML part, and where present the
 * one-click unsubscribe address ({@code List-Unsubscribe} with {@code List-Unsubscribe-Post}).
 * {@code messageId} is stable per mail, so a receiving server can tell a repeat.
 */
public record OutgoingMail(
    String to,
    String subject,
    String text,
    String html,
    Optional<String> unsubscribeUrl,
    String messageId) {}
