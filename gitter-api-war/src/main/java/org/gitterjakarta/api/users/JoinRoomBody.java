package org.gitterjakarta.api.users;

import jakarta.validation.constraints.NotBlank;

/** {@code POST /user/:userId/rooms}: the room to join. */
public record JoinRoomBody(@NotBlank(message = "id is required") String id) {}
