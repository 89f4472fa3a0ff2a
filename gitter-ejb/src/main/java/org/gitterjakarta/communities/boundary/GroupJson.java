package org.gitterjakarta.communities.boundary;

import org.gitterjakarta.groups.entity.Group;
import org.gitterjakarta.users.entity.Avatars;

/** Gitter's community shape; communities here are never backed by GitHub or GitLab. */
public record GroupJson(
    String id,
    String name,
    String uri,
    String homeUri,
    BackedBy backedBy,
    String avatarUrl,
    Long v) {

  /** Always {@code {type: null}}: no external backing. */
  public record BackedBy(String type, String linkPath) {}

  public static GroupJson of(Group group) {
    return new GroupJson(
        group.id(),
        group.name(),
        group.uri(),
        group.uri() + "/home",
        new BackedBy(null, null),
        Avatars.identicon("community:" + group.uri(), Avatars.DEFAULT),
        group.v() > 0 ? group.v() : null);
  }
}
