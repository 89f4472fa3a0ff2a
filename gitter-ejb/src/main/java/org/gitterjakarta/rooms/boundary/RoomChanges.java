package org.gitterjakarta.rooms.boundary;

import java.util.List;

/** What an admin may change on a room; null leaves a field as it is. */
public record RoomChanges(String topic, List<String> tags, Boolean noindex) {}
