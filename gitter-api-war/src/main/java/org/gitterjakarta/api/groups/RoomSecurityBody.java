package org.gitterjakarta.api.groups;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.entity.RoomSecurity;

/**
 * Gitter's room security body: {@code security: {security: 'PUBLIC'|'PRIVATE', type: null|'GROUP'}}
 * where PRIVATE of type GROUP means "anyone in the community" (INHERITED); a plain string {@code
 * 'PUBLIC'|'PRIVATE'|'INHERITED'} is accepted too.
 */
final class RoomSecurityBody {

  private RoomSecurityBody() {}

  static RoomSecurity of(JsonObject body) {
    JsonValue value = body.get("security");
    if (value == null || value == JsonValue.NULL) {
      return RoomSecurity.PUBLIC;
    }
    if (value instanceof JsonString string) {
      return parse(string.getString());
    }
    if (value instanceof JsonObject object) {
      RoomSecurity security = parse(object.getString("security", "PUBLIC"));
      boolean group = "GROUP".equals(object.getString("type", null));
      return security == RoomSecurity.PRIVATE && group ? RoomSecurity.INHERITED : security;
    }
    throw Problem.invalid("Invalid security");
  }

  private static RoomSecurity parse(String value) {
    return switch (value) {
      case "PUBLIC" -> RoomSecurity.PUBLIC;
      case "PRIVATE" -> RoomSecurity.PRIVATE;
      case "INHERITED" -> RoomSecurity.INHERITED;
      default -> throw Problem.invalid("Invalid security: " + value);
    };
  }
}
