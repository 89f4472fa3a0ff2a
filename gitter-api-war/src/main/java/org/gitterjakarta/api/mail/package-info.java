/**
 * Mail routes: a person's email address, and the signed links mails carry (verify, unsubscribe).
 */
package org.gitterjakarta.api.mail;
