package org.gitterjakarta.communities.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
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
    Long v,
    Integer favourite) {

  /** Always {@code {type: null}}: no external backing; Gitter sends the null. */
  public record BackedBy(@JsonbNillable String type, String linkPath) {}

  public static GroupJson of(Group group) {
    return new GroupJson(
        group.id(),
        group.name(),
        group.uri(),
        group.uri() + "/home",
        new BackedBy(null, null),
        Avatars.identicon("community:" + group.uri(), Avatars.DEFAULT),
        group.v() > 0 ? group.v() : null,
        null);
  }

  /** In a person's list of communities: their favourite position, if they marked it. */
  public GroupJson withFavourite(Integer position) {
    return new GroupJson(id, name, uri, homeUri, backedBy, avatarUrl, v, position);
  }
}
