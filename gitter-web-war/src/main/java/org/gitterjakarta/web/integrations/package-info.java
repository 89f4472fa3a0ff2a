/**
 * The integrations part of a room's settings (create, list and revoke incoming webhooks). The
 * room's activity panel itself is live: it reads the events channel like any client ({@code
 * activity.js}).
 */
package org.gitterjakarta.web.integrations;
