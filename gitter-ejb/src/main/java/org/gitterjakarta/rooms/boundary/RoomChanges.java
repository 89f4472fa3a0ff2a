package org.gitterjakarta.rooms.boundary;

import java.util.List;

/**
 * What an admin may change on a room; null leaves a field as it is. A new {@code name} moves the
 * room to {@code <community>/<name>}; its old address keeps leading to it.
 */
public record RoomChanges(String topic, List<String> tags, Boolean noindex, String name) {}
