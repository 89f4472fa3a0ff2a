package org.gitterjakarta.communities.boundary;

/** A community to create: its uri, display name, and the name of its first room. */
public record NewCommunity(String uri, String name, String defaultRoomName) {}
