package org.gitterjakarta.rooms.entity;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.List;
import java.util.Locale;

/**
 * A room (Gitter's troupe): a community room {@code <community>/<name>}, or a one-to-one
 * conversation, which has no uri and is found by the sorted pair of its users.
 */
@Entity("troupes")
public record Room(
    @Id String id,
    @Column String groupId,
    @Column String name,
    @Column String topic,
    @Column String uri,
    @Column String lcUri,
    @Column RoomSecurity security,
    @Column List<String> oneToOneUsers,
    @Column String oneToOneKey,
    @Column List<String> tags,
    @Column boolean noindex,
    @Column String ownerUserId,
    @Column List<String> extraAdmins,
    @Column long createdAt,
    @Column("_tv") long v) {

  public static Room inCommunity(
      String id,
      String groupId,
      String communityUri,
      String name,
      String topic,
      RoomSecurity security,
      String ownerUserId) {
    String uri = communityUri + "/" + name;
    return new Room(
        id,
        groupId,
        name,
        topic == null ? "" : topic,
        uri,
        uri.toLowerCase(Locale.ROOT),
        security,
        List.of(),
        null,
        List.of(),
        false,
        ownerUserId,
        List.of(),
        System.currentTimeMillis(),
        1);
  }

  public static Room oneToOne(String userA, String userB) {
    return new Room(
        oneToOneId(userA, userB),
        null,
        null,
        "",
        null,
        null,
        RoomSecurity.ONE_TO_ONE,
        List.of(userA, userB),
        oneToOneKey(userA, userB),
        List.of(),
        true,
        null,
        List.of(),
        System.currentTimeMillis(),
        1);
  }

  public static String oneToOneKey(String userA, String userB) {
    return userA.compareTo(userB) < 0 ? userA + ":" + userB : userB + ":" + userA;
  }

  /**
   * One-to-one rooms have an id derived from their pair of users, so that the unique {@code _id}
   * makes two concurrent first messages open the same room. It is 24 hex characters, like every
   * other id.
   */
  public static String oneToOneId(String userA, String userB) {
    return org.gitterjakarta.wire.DerivedIds.of(oneToOneKey(userA, userB));
  }

  public boolean isOneToOne() {
    return security == RoomSecurity.ONE_TO_ONE;
  }

  public boolean isParticipant(String userId) {
    return userId != null && oneToOneUsers().contains(userId);
  }

  /** In a one-to-one room: the other person. */
  public String otherUser(String userId) {
    return oneToOneUsers().stream().filter(u -> !u.equals(userId)).findFirst().orElse(userId);
  }

  /** The room's own admins: its creator and extra admins (community admins come on top). */
  public boolean administeredBy(String userId) {
    return userId != null && (userId.equals(ownerUserId) || extraAdmins().contains(userId));
  }

  public List<String> oneToOneUsers() {
    return oneToOneUsers == null ? List.of() : oneToOneUsers;
  }

  public List<String> extraAdmins() {
    return extraAdmins == null ? List.of() : extraAdmins;
  }

  public List<String> tags() {
    return tags == null ? List.of() : tags;
  }

  public Room withTopic(String newTopic) {
    return changed(newTopic, tags, noindex, extraAdmins);
  }

  public Room withTags(List<String> newTags) {
    return changed(topic, List.copyOf(newTags), noindex, extraAdmins);
  }

  public Room withNoindex(boolean value) {
    return changed(topic, tags, value, extraAdmins);
  }

  public Room withExtraAdmins(List<String> admins) {
    return changed(topic, tags, noindex, List.copyOf(admins));
  }

  /** The room under a new address: {@code <communityUri>/<newName>}. */
  public Room renamed(String communityUri, String newName) {
    String newUri = communityUri + "/" + newName;
    return new Room(
        id,
        groupId,
        newName,
        topic,
        newUri,
        newUri.toLowerCase(Locale.ROOT),
        security,
        oneToOneUsers,
        oneToOneKey,
        tags,
        noindex,
        ownerUserId,
        extraAdmins,
        createdAt,
        v + 1);
  }

  /** The room with its changeable fields replaced and its version bumped. */
  private Room changed(
      String newTopic, List<String> newTags, boolean newNoindex, List<String> newAdmins) {
    return new Room(
        id,
        groupId,
        name,
        newTopic,
        uri,
        lcUri,
        security,
        oneToOneUsers,
        oneToOneKey,
        newTags,
        newNoindex,
        ownerUserId,
        newAdmins,
        createdAt,
        v + 1);
  }
}
