package org.gitterjakarta.mongoserver;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IndexPlanTest {

  private SortedIndex history;

  @BeforeEach
  void indexThreeRooms() {
    history =
        new SortedIndex(
            new EmptyIndex<>(
                "toTroupeId_1__id_-1",
                List.of(new IndexKey("toTroupeId", true), new IndexKey("_id", false))));
    for (int i = 10; i < 40; i++) {
      String room = "r" + (i % 3);
      history.add(new Document("_id", "m" + i).append("toTroupeId", room), "m" + i);
    }
  }

  @Test
  void latestPageOfARoomIsAnOrderedScanOfThatRoomOnly() {
    var plan = plan(new Document("toTroupeId", "r1"), new Document("_id", -1));

    assertThat(plan.ordered()).isTrue();
    assertThat(plan.positions().limit(3)).containsExactly("m37", "m34", "m31");
  }

  @Test
  void beforeIdPageStartsBelowTheGivenId() {
    var query = new Document("toTroupeId", "r1").append("_id", new Document("$lt", "m31"));

    var plan = plan(query, new Document("_id", -1));

    assertThat(plan.ordered()).isTrue();
    assertThat(plan.positions().limit(2)).containsExactly("m28", "m25");
  }

  @Test
  void conditionsInsideAndAreUsedAsTheDriverSendsThem() {
    var query =
        new Document(
            "$and",
            List.of(
                new Document("toTroupeId", "r1"),
                new Document("parentId", new Document("$exists", false)),
                new Document("_id", new Document("$gte", "m20")),
                new Document("_id", new Document("$lt", "m31"))));

    var plan = plan(query, new Document("_id", -1));

    assertThat(plan.ordered()).isTrue();
    assertThat(plan.positions()).containsExactly("m28", "m25", "m22");
  }

  /**
   * Messages of a room by id, as a history page reads again those whose kept JSON is out of date:
   * bounds beside the {@code $in} narrow the scan to the ids' range (the $in is matched after).
   */
  @Test
  void idsOfARoomBetweenBoundsAreARangeOfThatRoom() {
    var query =
        new Document(
            "$and",
            List.of(
                new Document("_id", new Document("$in", List.of("m22", "m28"))),
                new Document("toTroupeId", "r1"),
                new Document(
                    "$and",
                    List.of(
                        new Document("_id", new Document("$gte", "m22")),
                        new Document("_id", new Document("$lte", "m28"))))));

    var plan = plan(query, new Document("_id", 1));

    assertThat(plan.score()).isEqualTo(3);
    assertThat(plan.positions()).containsExactly("m22", "m25", "m28");
  }

  @Test
  void oneMessageOfARoomIsFoundByBothFields() {
    var query =
        new Document(
            "$and",
            List.of(
                new Document("toTroupeId", "r1"),
                new Document("_id", "m25"),
                new Document("_tv", 3)));

    var plan = plan(query, null);

    assertThat(plan.score()).isEqualTo(4);
    assertThat(plan.positions()).containsExactly("m25");
  }

  @Test
  void afterIdPageInAscendingOrderIsABackwardScan() {
    var query = new Document("toTroupeId", "r2").append("_id", new Document("$gte", "m32"));

    var plan = plan(query, new Document("_id", 1));

    assertThat(plan.ordered()).isTrue();
    assertThat(plan.positions()).containsExactly("m32", "m35", "m38");
  }

  @Test
  void aSortTheIndexCannotGiveIsLeftToTheSorter() {
    var plan = plan(new Document("toTroupeId", "r0"), new Document("sent", -1));

    assertThat(plan.ordered()).isFalse();
    assertThat(plan.positions()).hasSize(10);
  }

  @Test
  void queriesThatDoNotNameTheFirstFieldScan() {
    assertThat(IndexPlan.of(history, new Document("_id", "m11"), null)).isEmpty();
    assertThat(IndexPlan.of(history, new Document("toTroupeId", null), null)).isEmpty();
    var regex = new Document("toTroupeId", new Document("$regex", "r"));
    assertThat(IndexPlan.of(history, regex, null)).isEmpty();
  }

  @Test
  void anEmptyRangeYieldsNothing() {
    var query =
        new Document("toTroupeId", "r1")
            .append("_id", new Document("$gt", "m30").append("$lt", "m20"));

    assertThat(plan(query, null).positions()).isEmpty();
  }

  @Test
  void theIndexWithMoreEqualFieldsWins() {
    var byRoom =
        new SortedIndex(new EmptyIndex<>("troupeId_1", List.of(new IndexKey("toTroupeId", true))));
    var byRoomAndSender =
        new SortedIndex(
            new EmptyIndex<>(
                "toTroupeId_1_fromUserId_1",
                List.of(new IndexKey("toTroupeId", true), new IndexKey("fromUserId", true))));
    var query = new Document("toTroupeId", "r1").append("fromUserId", "u1");

    Optional<IndexPlan> best = IndexPlan.best(List.of(byRoom, byRoomAndSender), query, null);

    assertThat(best).map(IndexPlan::index).contains(byRoomAndSender);
  }

  @Test
  void arraysPutADocumentUnderEachElementButYieldItOnce() {
    var tokens = new SortedIndex(new EmptyIndex<>("_st_1", List.of(new IndexKey("_st", true))));
    tokens.add(new Document("_id", "m1").append("_st", List.of("hello", "world")), "m1");
    tokens.add(new Document("_id", "m2").append("_st", List.of("world")), "m2");

    var plan = IndexPlan.of(tokens, new Document("_st", "world"), null).orElseThrow();

    assertThat(plan.positions()).containsExactly("m1", "m2");
    assertThat(tokens.multikey()).isTrue();
    assertThat(IndexPlan.of(tokens, new Document("_st", "world"), new Document("_st", 1)))
        .map(IndexPlan::ordered)
        .contains(false);
  }

  private IndexPlan plan(Document query, Document orderBy) {
    return IndexPlan.of(history, query, orderBy).orElseThrow();
  }
}
