package org.gitterjakarta.rooms.entity;

import java.util.List;

/**
 * Fired after a room is deleted, so that features holding room data remove theirs; {@code
 * memberIds} are the people who were in it; {@code groupId} its community, if any.
 */
public record RoomDeleted(String roomId, String groupId, List<String> memberIds) {}
