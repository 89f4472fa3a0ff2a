/** Keeping a room civil: bans, room admins and security, and reports of abusive messages. */
package org.gitterjakarta.moderation.boundary;
