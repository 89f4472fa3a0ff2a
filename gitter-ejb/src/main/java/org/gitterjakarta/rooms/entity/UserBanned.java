package org.gitterjakarta.rooms.entity;

/** Fired once a ban is stored; {@code removeMessages} asks for the person's messages to go. */
public record UserBanned(String roomId, String userId, boolean removeMessages) {}
