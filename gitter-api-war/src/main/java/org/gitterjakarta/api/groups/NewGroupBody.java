package org.gitterjakarta.api.groups;

import jakarta.validation.constraints.NotBlank;

/** {@code POST /groups}: the community's {@code uri}, its display name, its default room's name. */
public record NewGroupBody(
    @NotBlank(message = "uri is required") String uri, String name, String defaultRoomName) {}
