/**
 * A room's activity feed: admins create, list and revoke incoming webhooks; a POST to a hook's
 * secret URL becomes an activity event, stored, listed to readers of the room and published live on
 * {@code /api/v1/rooms/:id/events}. Who may read the room is the rooms feature's decision.
 */
package org.gitterjakarta.integrations.boundary;
