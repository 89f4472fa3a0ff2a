package org.gitterjakarta.rooms.entity;

/** Fired after a room is deleted, so that features holding room data remove theirs. */
public record RoomDeleted(String roomId) {}
