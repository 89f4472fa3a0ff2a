package org.gitterjakarta.rooms.entity;

import java.util.List;

/**
 * Fired after a room is deleted, so that features holding room data remove theirs; {@code
 * memberIds} are the people who were in it.
 */
public record RoomDeleted(String roomId, List<String> memberIds) {}
