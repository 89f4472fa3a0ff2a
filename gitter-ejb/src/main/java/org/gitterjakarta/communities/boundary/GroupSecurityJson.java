package org.gitterjakarta.communities.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import org.gitterjakarta.groups.entity.Group;

/**
 * A community's security descriptor in Gitter's terms: backed by nothing ({@code type: null}),
 * public, administered by its creator and the manual {@code extraAdmins}.
 */
public record GroupSecurityJson(
    @JsonbNillable String type,
    String members,
    String admins,
    @JsonbProperty("public") boolean isPublic,
    List<String> extraAdmins) {

  static GroupSecurityJson of(Group group) {
    return new GroupSecurityJson(null, "PUBLIC", "MANUAL", true, group.extraAdmins());
  }
}
