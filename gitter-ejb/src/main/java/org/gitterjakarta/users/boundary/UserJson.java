package org.gitterjakarta.users.boundary;

import java.util.List;
import org.gitterjakarta.users.entity.Avatars;
import org.gitterjakarta.users.entity.User;

/**
 * Gitter's full user shape; {@code providers} only on {@code /v1/user}, {@code removed} only for a
 * removed account (the sender of messages that stay).
 */
public record UserJson(
    String id,
    String username,
    String displayName,
    String url,
    String avatarUrl,
    String avatarUrlSmall,
    String avatarUrlMedium,
    Boolean staff,
    List<String> providers,
    String role,
    Boolean online,
    Long v,
    Boolean removed) {

  public static UserJson of(User user) {
    return new UserJson(
        user.id(),
        user.username(),
        user.displayNameOrUsername(),
        "/" + user.username(),
        Avatars.url(user, Avatars.DEFAULT),
        Avatars.url(user, Avatars.SMALL),
        Avatars.url(user, Avatars.MEDIUM),
        user.staff() ? Boolean.TRUE : null,
        null,
        null,
        null,
        user.v() > 0 ? user.v() : null,
        user.isRemoved() ? Boolean.TRUE : null);
  }

  /** In a room's user list: {@code role: "admin"} for its admins, {@code online} when connected. */
  public UserJson inRoom(boolean admin, boolean isOnline) {
    return new UserJson(
        id,
        username,
        displayName,
        url,
        avatarUrl,
        avatarUrlSmall,
        avatarUrlMedium,
        staff,
        providers,
        admin ? "admin" : null,
        isOnline ? Boolean.TRUE : null,
        v,
        removed);
  }

  /**
   * Gitter's lean user ({@code lean} on member lists and message history): who it is, with role and
   * presence, without names for display and avatars.
   */
  public UserJson lean() {
    return new UserJson(
        id, username, null, null, null, null, null, null, null, role, online, v, removed);
  }

  /** The caller's own record: with the sign-in providers (none but the local account here). */
  public static UserJson self(User user) {
    UserJson json = of(user);
    return new UserJson(
        json.id,
        json.username,
        json.displayName,
        json.url,
        json.avatarUrl,
        json.avatarUrlSmall,
        json.avatarUrlMedium,
        json.staff,
        List.of(),
        null,
        null,
        json.v,
        json.removed);
  }
}
