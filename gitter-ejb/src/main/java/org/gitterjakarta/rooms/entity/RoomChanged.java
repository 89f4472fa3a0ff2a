package org.gitterjakarta.rooms.entity;

/**
 * Something everyone in the room sees changed: its topic, tags, listing, admins or welcome message.
 * Fired with the room as stored after the change.
 */
public record RoomChanged(Room room) {}
