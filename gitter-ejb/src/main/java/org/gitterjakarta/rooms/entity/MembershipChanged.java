package org.gitterjakarta.rooms.entity;

/**
 * A person's place in a room changed (joined, left, unbanned, notification mode), here or on
 * another instance: what an instance keeps about the room's members or the person's rights is out
 * of date.
 */
public record MembershipChanged(String roomId, String userId) {}
