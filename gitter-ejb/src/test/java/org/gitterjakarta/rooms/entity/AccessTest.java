package org.gitterjakarta.rooms.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessTest {

  static Room room(RoomSecurity security) {
    return Room.inCommunity("r1", "g1", "community", "room", null, security, "owner");
  }

  @Test
  void publicRoomsAreReadableByAnyoneAndJoinableWhenSignedIn() {
    var anonymous = Access.decide(room(RoomSecurity.PUBLIC), null, false, false, false, false);
    var outsider = Access.decide(room(RoomSecurity.PUBLIC), "u", false, false, false, false);

    assertThat(anonymous.read()).isTrue();
    assertThat(anonymous.join()).isFalse();
    assertThat(outsider.join()).isTrue();
    assertThat(outsider.write()).as("writing needs membership").isFalse();
  }

  @Test
  void privateRoomsAreForMembersAndAdminsOnly() {
    var outsider = Access.decide(room(RoomSecurity.PRIVATE), "u", false, true, false, false);
    var member = Access.decide(room(RoomSecurity.PRIVATE), "u", true, true, false, false);
    var owner = Access.decide(room(RoomSecurity.PRIVATE), "owner", false, false, false, false);

    assertThat(outsider.read()).isFalse();
    assertThat(outsider.join()).isFalse();
    assertThat(member.read()).isTrue();
    assertThat(member.write()).isTrue();
    assertThat(member.admin()).isFalse();
    assertThat(owner.admin()).isTrue();
    assertThat(owner.join()).isTrue();
  }

  @Test
  void inheritedRoomsAreOpenToTheCommunity() {
    var inCommunity = Access.decide(room(RoomSecurity.INHERITED), "u", false, true, false, false);
    var stranger = Access.decide(room(RoomSecurity.INHERITED), "u", false, false, false, false);
    var communityAdmin =
        Access.decide(room(RoomSecurity.INHERITED), "a", false, false, true, false);

    assertThat(inCommunity.read()).isTrue();
    assertThat(inCommunity.join()).isTrue();
    assertThat(stranger.read()).isFalse();
    assertThat(communityAdmin.admin()).isTrue();
  }

  @Test
  void oneToOneRoomsBelongToTheirTwoPeople() {
    Room room = Room.oneToOne("alice", "bob");

    assertThat(Access.decide(room, "alice", true, false, false, false).write()).isTrue();
    assertThat(Access.decide(room, "carol", false, false, false, false).read()).isFalse();
    assertThat(Access.decide(room, null, false, false, false, false).read()).isFalse();
    assertThat(Access.decide(room, "alice", true, false, false, false).admin()).isFalse();
  }

  @Test
  void theBannedMayDoNothing() {
    assertThat(Access.decide(room(RoomSecurity.PUBLIC), "u", true, true, true, true))
        .isEqualTo(Access.NONE);
  }

  @Test
  void oneToOneKeysDoNotDependOnOrder() {
    assertThat(Room.oneToOneKey("b", "a")).isEqualTo(Room.oneToOneKey("a", "b")).isEqualTo("a:b");
  }

  @Test
  void givesEachPairOfPeopleOneOneToOneRoomId() {
    assertThat(Room.oneToOneId("alice", "bob"))
        .isEqualTo(Room.oneToOneId("bob", "alice"))
        .matches("[0-9a-f]{24}")
        .isNotEqualTo(Room.oneToOneId("alice", "carol"));
  }
}
