package org.gitterjakarta.moderation.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.rooms.entity.RoomSecurity;

/**
 * A room's security descriptor in Gitter's terms: community rooms take their admins from the
 * community ({@code GROUP_ADMIN}) plus the manual {@code extraAdmins}; private rooms are
 * invite-only.
 */
public record SecurityJson(
    @JsonbNillable String type,
    String members,
    String admins,
    @JsonbProperty("public") boolean isPublic,
    String internalId,
    List<String> extraAdmins) {

  static SecurityJson of(Room room) {
    boolean inherited = room.security() == RoomSecurity.INHERITED;
    String members =
        switch (room.security()) {
          case PUBLIC, INHERITED -> "PUBLIC";
          case PRIVATE, ONE_TO_ONE -> "INVITE";
        };
    return new SecurityJson(
        inherited ? "GROUP" : null,
        members,
        room.groupId() == null ? "MANUAL" : "GROUP_ADMIN",
        room.security() == RoomSecurity.PUBLIC,
        inherited ? room.groupId() : null,
        room.extraAdmins());
  }
}
