package org.gitterjakarta.api.integrations;

import org.gitterjakarta.api.requests.Required;

/** {@code POST /v1/rooms/:roomId/integrations}: what the admins call the new hook. */
@Required(field = "name", message = "name is required")
public record IntegrationBody(String name) {}
