package org.gitterjakarta.api.users;

import org.gitterjakarta.users.entity.Avatars;
import org.gitterjakarta.users.entity.User;

/** Gitter's profile shape of {@code GET /v1/users/:username}, without GitHub data. */
public record UserProfileJson(
    String id,
    String username,
    String displayName,
    Boolean removed,
    boolean has_gitter_login,
    String gravatarImageUrl) {

  public static UserProfileJson of(User user) {
    return new UserProfileJson(
        user.id(),
        user.username(),
        user.displayNameOrUsername(),
        user.isRemoved() ? Boolean.TRUE : null,
        true,
        Avatars.url(user, Avatars.DEFAULT));
  }
}
