package org.gitterjakarta.api.rooms;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import org.gitterjakarta.roomviews.boundary.RoomJson;

/**
 * Gitter's suggestion shape: the room as anyone sees it (no unread counts, no membership), its
 * topic repeated as {@code description}, and {@code exists}.
 */
public record SuggestedRoomJson(
    String id,
    String name,
    String topic,
    String description,
    String avatarUrl,
    String uri,
    Boolean oneToOne,
    long userCount,
    String url,
    String githubType,
    String security,
    boolean noindex,
    List<String> tags,
    String groupId,
    @JsonbProperty("public") boolean isPublic,
    boolean exists,
    Long v) {

  public static List<SuggestedRoomJson> of(List<RoomJson> rooms) {
    return rooms.stream().map(SuggestedRoomJson::of).toList();
  }

  static SuggestedRoomJson of(RoomJson room) {
    return new SuggestedRoomJson(
        room.id(),
        room.name(),
        room.topic(),
        room.topic(),
        room.avatarUrl(),
        room.uri(),
        room.oneToOne(),
        room.userCount(),
        room.url(),
        room.githubType(),
        room.security(),
        room.noindex(),
        room.tags(),
        room.groupId(),
        room.isPublic(),
        true,
        room.v());
  }
}
