package org.gitterjakarta.roomviews.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.gitterjakarta.communities.boundary.GroupJson;
import org.gitterjakarta.rooms.entity.Access;
import org.gitterjakarta.rooms.entity.Membership;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.users.entity.Avatars;
import org.gitterjakarta.wire.IsoDates;

/** Gitter's room shape, as seen by one person: their unread counts, mode and last visit. */
public record RoomJson(
    String id,
    String name,
    String topic,
    String uri,
    String avatarUrl,
    Boolean oneToOne,
    long userCount,
    UserJson user,
    int unreadItems,
    int mentions,
    String lastAccessTime,
    Integer favourite,
    boolean lurk,
    Boolean activity,
    String url,
    String githubType,
    String security,
    boolean noindex,
    List<String> tags,
    Permissions permissions,
    boolean roomMember,
    String groupId,
    @jakarta.json.bind.annotation.JsonbProperty("public") boolean isPublic,
    Long v,
    GroupJson group,
    Backend backend) {

  public record Permissions(boolean admin) {}

  /** What backs the room's security: {@code GROUP} for "anyone in the community", else null. */
  public record Backend(@JsonbNillable String type) {}

  /**
   * The room as its own page shows it (Gitter's {@code GET /rooms/:id}): with its community and
   * what backs its security. One-to-one rooms have neither.
   */
  public RoomJson withCommunity(GroupJson community) {
    if (Boolean.TRUE.equals(oneToOne)) {
      return this;
    }
    String type = "INHERITED".equals(security) ? "GROUP" : null;
    return new RoomJson(
        id,
        name,
        topic,
        uri,
        avatarUrl,
        oneToOne,
        userCount,
        user,
        unreadItems,
        mentions,
        lastAccessTime,
        favourite,
        lurk,
        activity,
        url,
        githubType,
        security,
        noindex,
        tags,
        permissions,
        roomMember,
        groupId,
        isPublic,
        v,
        community,
        new Backend(type));
  }

  /**
   * @param communityName the community's name, for {@code "<community>/<room>"} names
   * @param other the other person of a one-to-one room, else null
   * @param activity for a muted room, whether something was said since the last visit; else null
   */
  public static RoomJson of(
      Room room,
      String communityName,
      Membership membership,
      Access access,
      long userCount,
      UserJson other,
      int unreadItems,
      int mentions,
      Boolean activity,
      boolean withPermissions) {
    boolean oneToOne = room.isOneToOne();
    String otherName = other == null ? "Ghost" : other.displayName();
    String otherUsername = other == null ? "" : other.username();
    String name = oneToOne ? otherName : communityName + "/" + room.name();
    String avatar =
        oneToOne
            ? (other == null ? null : other.avatarUrl())
            : Avatars.identicon(
                "community:" + room.uri().substring(0, room.uri().indexOf('/')), Avatars.DEFAULT);
    return new RoomJson(
        room.id(),
        name,
        room.topic(),
        oneToOne ? null : room.uri(),
        avatar,
        oneToOne ? Boolean.TRUE : Boolean.FALSE,
        userCount,
        oneToOne ? other : null,
        unreadItems,
        mentions,
        membership == null ? null : IsoDates.format(membership.lastAccessTime()),
        membership == null ? null : membership.favourite(),
        membership != null && membership.lurk(),
        activity,
        oneToOne ? "/" + otherUsername : "/" + room.uri(),
        oneToOne ? "ONETOONE" : "ORG_CHANNEL",
        oneToOne ? null : room.security().name(),
        room.noindex(),
        room.tags(),
        withPermissions ? new Permissions(access.admin()) : null,
        access.member(),
        room.groupId(),
        room.security() == org.gitterjakarta.rooms.entity.RoomSecurity.PUBLIC,
        room.v() > 0 ? room.v() : null,
        null,
        null);
  }
}
