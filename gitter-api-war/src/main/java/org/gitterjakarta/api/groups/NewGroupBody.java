package org.gitterjakarta.api.groups;

import org.gitterjakarta.api.requests.Required;

/** {@code POST /groups}: the community's {@code uri}, its display name, its default room's name. */
@Required(field = "uri", message = "uri is required")
public record NewGroupBody(String uri, String name, String defaultRoomName) {}
