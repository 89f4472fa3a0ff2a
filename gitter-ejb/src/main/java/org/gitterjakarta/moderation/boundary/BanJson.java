package org.gitterjakarta.moderation.boundary;

import org.gitterjakarta.users.boundary.UserJson;

/** Gitter's ban shape. */
public record BanJson(UserJson user, UserJson bannedBy, String dateBanned) {}
