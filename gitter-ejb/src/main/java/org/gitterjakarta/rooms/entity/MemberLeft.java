package org.gitterjakarta.rooms.entity;

/** A person is no longer in a room: they left, were removed or banned, or hid a muted room. */
public record MemberLeft(Room room, String userId) {}
