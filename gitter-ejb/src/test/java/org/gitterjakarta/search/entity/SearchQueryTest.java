package org.gitterjakarta.search.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

  @Test
  void requiresEveryTermUnlessOrSeparatesAlternatives() {
    assertThat(SearchQuery.parse("deploy Friday").alternatives())
        .containsExactly(List.of("deploy", "friday"));
    assertThat(SearchQuery.parse("deploy AND friday").alternatives())
        .containsExactly(List.of("deploy", "friday"));
    assertThat(SearchQuery.parse("cats OR dogs birds").alternatives())
        .containsExactly(List.of("cats"), List.of("dogs", "birds"));
  }

  @Test
  void readsExclusionsSenderAndDates() {
    SearchQuery query =
        SearchQuery.parse("from:@alice release -beta sent:[2020-06-08 TO 2020-06-09]");

    assertThat(query.from()).isEqualTo("alice");
    assertThat(query.alternatives()).containsExactly(List.of("release"));
    assertThat(query.excluded()).containsExactly("beta");
    assertThat(query.sentFrom()).isEqualTo(Instant.parse("2020-06-08T00:00:00Z").toEpochMilli());
    assertThat(query.sentTo()).isEqualTo(Instant.parse("2020-06-10T00:00:00Z").toEpochMilli());
  }

  @Test
  void takesDateTimesWithOffsetsAndOpenEnds() {
    SearchQuery query = SearchQuery.parse("sent:[2020-06-08T10:00:00+02:00 TO *]");

    assertThat(query.sentFrom()).isEqualTo(Instant.parse("2020-06-08T08:00:00Z").toEpochMilli());
    assertThat(query.sentTo()).isNull();
    assertThat(query.isEmpty()).isFalse();
    assertThat(SearchQuery.parse("   ").isEmpty()).isTrue();
  }

  @Test
  void refusesUnreadableDates() {
    assertThatThrownBy(() -> SearchQuery.parse("sent:[yesterday TO today]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("yesterday");
  }
}
