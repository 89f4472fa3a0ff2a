package org.gitterjakarta.rooms.boundary;

import org.gitterjakarta.users.boundary.UserJson;

/** Gitter's ban shape (§2.10). */
public record BanJson(UserJson user, UserJson bannedBy, String dateBanned) {}
