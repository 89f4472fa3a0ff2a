package org.gitterjakarta.groups.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import org.gitterjakarta.wire.DerivedIds;

/** A community one person marked as favourite, at a position in their list (1 first). */
@Entity("groupfavourites")
public record GroupFavourite(
    @Id String id, @Column String userId, @Column String groupId, @Column int favourite) {

  public static GroupFavourite of(String userId, String groupId, int favourite) {
    return new GroupFavourite(idOf(userId, groupId), userId, groupId, favourite);
  }

  public static String idOf(String userId, String groupId) {
    return DerivedIds.of(userId + ":" + groupId);
  }
}
