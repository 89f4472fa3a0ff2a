package org.gitterjakarta.api.rooms;

import jakarta.json.JsonValue;
import org.gitterjakarta.api.requests.Required;

/**
 * The person a room admin acts on ({@code POST .../users}, {@code POST .../bans}); {@code
 * removeMessages} for bans; {@code virtualUser} is read only to be refused.
 */
@Required(field = "username", message = "username is required")
public record UsernameBody(String username, Boolean removeMessages, JsonValue virtualUser) {}
