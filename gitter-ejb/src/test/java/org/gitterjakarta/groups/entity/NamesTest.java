package org.gitterjakarta.groups.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"gitterHQ", "my-team", "a_b", "x1"})
  void acceptsCommunityUris(String uri) {
    assertThat(Names.communityUriProblem(uri)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"api", "API", "login", "explore", "settings", "bayeux", "health"})
  void reservesTheSitesOwnPaths(String uri) {
    assertThat(Names.communityUriProblem(uri)).get().asString().contains("reserved");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "has space", "dot.ted", "sl/ash", "<b>"})
  void rejectsMalformedCommunityUris(String uri) {
    assertThat(Names.communityUriProblem(uri)).get().asString().contains("2 to 81");
  }

  @Test
  void allowsDotsInRoomNamesButNotReservedWords() {
    assertThat(Names.roomNameProblem("release.notes")).isEmpty();
    assertThat(Names.roomNameProblem("Archives")).get().asString().contains("reserved");
    assertThat(Names.roomNameProblem("topics")).get().asString().contains("reserved");
    assertThat(Names.roomNameProblem("x".repeat(82))).isPresent();
  }

  @Test
  void knowsItsAdmins() {
    Group group = Group.create("g1", "Team", "team", "owner");

    assertThat(group.isAdmin("owner")).isTrue();
    assertThat(group.isAdmin("someone")).isFalse();
    assertThat(group.isAdmin(null)).isFalse();
    assertThat(group.lcUri()).isEqualTo("team");
  }
}
