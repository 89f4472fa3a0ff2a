package org.gitterjakarta.rooms.boundary;

import org.gitterjakarta.rooms.entity.RoomSecurity;

/** A community room to create. */
public record NewRoom(String name, String topic, RoomSecurity security) {}
