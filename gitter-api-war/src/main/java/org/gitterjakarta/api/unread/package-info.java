/** The unread routes of API v1, under {@code /v1/user/:userId}. */
package org.gitterjakarta.api.unread;
