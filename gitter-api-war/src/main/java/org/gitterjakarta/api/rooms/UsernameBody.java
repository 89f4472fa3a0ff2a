package org.gitterjakarta.api.rooms;

import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotBlank;

/**
 * The person a room admin acts on ({@code POST .../users}, {@code POST .../bans}); {@code
 * removeMessages} for bans; {@code virtualUser} is read only to be refused.
 */
public record UsernameBody(
    @NotBlank(message = "username is required") String username,
    Boolean removeMessages,
    JsonValue virtualUser) {}
