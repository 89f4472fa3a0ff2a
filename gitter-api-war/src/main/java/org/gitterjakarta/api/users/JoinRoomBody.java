package org.gitterjakarta.api.users;

import org.gitterjakarta.api.requests.Required;

/** {@code POST /user/:userId/rooms}: the room to join. */
@Required(field = "id", message = "id is required")
public record JoinRoomBody(String id) {}
