/** Mails as values: the unread digest, an outgoing mail, the signed token behind a mail's links. */
package org.gitterjakarta.mail.entity;
