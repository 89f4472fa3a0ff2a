package org.gitterjakarta.groups.boundary;

/** A community to create: its uri, display name, and the name of its first room. */
public record NewCommunity(String uri, String name, String defaultRoomName) {}
