package org.gitterjakarta.groups.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.List;

/** A community: owns rooms under its uri; its creator and extra admins administer them all. */
@Entity("groups")
public record Group(
    @Id String id,
    @Column String name,
    @Column String uri,
    @Column String lcUri,
    @Column String ownerUserId,
    @Column List<String> extraAdmins,
    @Column long createdAt,
    @Column("_tv") long v) {

  public static Group create(String id, String name, String uri, String ownerUserId) {
    return new Group(
        id, name, uri, Names.lowerCase(uri), ownerUserId, List.of(), System.currentTimeMillis(), 1);
  }

  /** The community under a new name and uri, its version bumped. */
  public Group renamed(String newName, String newUri) {
    return new Group(
        id, newName, newUri, Names.lowerCase(newUri), ownerUserId, extraAdmins, createdAt, v + 1);
  }

  public boolean isAdmin(String userId) {
    return userId != null && (userId.equals(ownerUserId) || extraAdmins().contains(userId));
  }

  public Group withExtraAdmins(List<String> admins) {
    return new Group(id, name, uri, lcUri, ownerUserId, List.copyOf(admins), createdAt, v);
  }

  public List<String> extraAdmins() {
    return extraAdmins == null ? List.of() : extraAdmins;
  }
}
