/**
 * Mail as people use it: their email address and its verification, the one-click unsubscribe of the
 * unread digest, and room invites by email. The digest itself is sent by {@code
 * mail.control.DigestJob}, never on a request's way.
 */
package org.gitterjakarta.mail.boundary;
