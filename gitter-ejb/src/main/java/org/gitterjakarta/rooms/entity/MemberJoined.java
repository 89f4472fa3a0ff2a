package org.gitterjakarta.rooms.entity;

/** A person is now in a room: they joined, were added, created it, or a one-to-one began. */
public record MemberJoined(Room room, String userId) {}
