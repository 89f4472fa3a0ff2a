package org.gitterjakarta.web.menu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.gitterjakarta.roomviews.boundary.RoomJson;
import org.junit.jupiter.api.Test;

class MenuSectionsTest {

  static RoomJson room(String name, Integer favourite, int unread, int mentions, String accessed) {
    return new RoomJson(
        name,
        name,
        null,
        name,
        null,
        false,
        1,
        null,
        unread,
        mentions,
        accessed,
        favourite,
        false,
        null,
        "/" + name,
        "ORG_CHANNEL",
        "PUBLIC",
        false,
        List.of(),
        null,
        true,
        "g",
        true,
        1L,
        null,
        null);
  }

  static List<String> names(List<RoomJson> rooms) {
    return rooms.stream().map(RoomJson::name).toList();
  }

  @Test
  void ordersFavouritesByPositionThenUnreadThenRecentByLastAccess() {
    var sections =
        MenuSections.of(
            List.of(
                room("old", null, 0, 0, "2026-01-01T00:00:00.000Z"),
                room("fav2", 2, 3, 0, null),
                room("mention", null, 0, 1, "2026-01-02T00:00:00.000Z"),
                room("new", null, 0, 0, "2026-03-01T00:00:00.000Z"),
                room("never", null, 0, 0, null),
                room("fav1", 1, 0, 0, "2026-01-01T00:00:00.000Z"),
                room("unread", null, 5, 0, "2026-02-01T00:00:00.000Z")));

    assertThat(names(sections.favourites())).containsExactly("fav1", "fav2");
    assertThat(names(sections.unread())).containsExactly("unread", "mention");
    assertThat(names(sections.recent())).containsExactly("new", "old", "never");
    assertThat(sections.nextFavourite()).isEqualTo(3);
  }

  @Test
  void keepsTheMenuShortAndStartsFavouritesAtOne() {
    var many =
        IntStream.range(0, 50)
            .mapToObj(i -> room("r" + i, null, 0, 0, "2026-01-01T00:00:%02d.000Z".formatted(i)))
            .toList();
    var sections = MenuSections.of(many);

    assertThat(sections.recent()).hasSize(MenuSections.MAX_RECENT);
    assertThat(sections.recent().get(0).name()).isEqualTo("r49");
    assertThat(sections.nextFavourite()).isEqualTo(1);
  }
}
