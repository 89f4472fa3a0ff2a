package org.gitterjakarta.api.groups;

import org.gitterjakarta.communities.boundary.GroupJson;
import org.gitterjakarta.roomviews.boundary.RoomJson;

/** Gitter's answer to creating a community: the group with its {@code defaultRoom}. */
public record CreatedGroupJson(
    String id,
    String name,
    String uri,
    String homeUri,
    GroupJson.BackedBy backedBy,
    String avatarUrl,
    Long v,
    RoomJson defaultRoom) {

  static CreatedGroupJson of(GroupJson group, RoomJson room) {
    return new CreatedGroupJson(
        group.id(),
        group.name(),
        group.uri(),
        group.homeUri(),
        group.backedBy(),
        group.avatarUrl(),
        group.v(),
        room);
  }
}
