package org.gitterjakarta.messages.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.BsonDocument;
import org.bson.conversions.Bson;
import org.gitterjakarta.search.entity.SearchQuery;
import org.junit.jupiter.api.Test;

/**
 * The message search filter has the one shape the {@code (toTroupeId, _st)} index answers: an
 * equality on the room and equality matches on the token array, never a text index, a regex or a
 * script. (The embedded wire server cannot explain queries; real MongoDB would, with the same
 * filter.)
 */
class SearchFilterTest {

  static BsonDocument render(Bson bson) {
    return bson.toBsonDocument();
  }

  @Test
  void matchesTheRoomAndTheTokenArrayByEquality() {
    BsonDocument filter =
        render(
            MessageStore.searchFilter("r1", SearchQuery.parse("deploy fri OR party -beta"), "u1"));

    String json = filter.toJson();
    assertThat(json)
        .contains("\"toTroupeId\": \"r1\"")
        .contains("\"_st\": {\"$all\": [\"deploy\", \"fri\"]}")
        .contains("\"_st\": {\"$all\": [\"party\"]}")
        .contains("\"$nin\": [\"beta\"]")
        .contains("\"fromUserId\": \"u1\"")
        .doesNotContain("$regex", "$text", "$where");
  }

  @Test
  void theSearchIndexLeadsWithTheRoomThenTheTokens() {
    assertThat(render(MessageStore.SEARCH_INDEX).keySet()).containsExactly("toTroupeId", "_st");
  }
}
