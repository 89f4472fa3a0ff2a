package org.gitterjakarta.mongoserver;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gitterjakarta.mongoserver.SortedIndex.Bound;
import org.gitterjakarta.mongoserver.SortedIndex.Entry;

/**
 * How one {@link SortedIndex} narrows a query: equalities on a prefix of its fields, then at most
 * one range on the next field, scanned forwards or backwards. The index only finds candidates;
 * every candidate is still matched against the whole query. {@link #ordered()} says the scan
 * already yields the requested sort, so skip and limit stop the scan early.
 */
record IndexPlan(
    SortedIndex index, Entry from, Entry to, boolean descending, boolean ordered, int score) {

  private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");

  Stream<Object> positions() {
    return index.positions(from, to, descending);
  }

  /** The best usable plan among {@code indexes}, if any index narrows the query at all. */
  static Optional<IndexPlan> best(
      Collection<SortedIndex> indexes, Document query, Document orderBy) {
    IndexPlan best = null;
    for (SortedIndex index : indexes) {
      var plan = of(index, query, orderBy);
      if (plan.isPresent() && (best == null || plan.get().betterThan(best))) {
        best = plan.get();
      }
    }
    return Optional.ofNullable(best);
  }

  static Optional<IndexPlan> of(SortedIndex index, Document query, Document orderBy) {
    if (!index.usable()) {
      return Optional.empty();
    }
    List<IndexKey> keys = index.keys();
    Map<String, Object> conditions = conditions(query);
    List<Object> equal = new ArrayList<>();
    Document range = null;
    for (IndexKey key : keys) {
      Object value = conditions.get(key.getKey());
      Object eq = equalityValue(value);
      if (eq != null) {
        equal.add(eq);
        continue;
      }
      if (isRange(value)) {
        range = (Document) value;
      }
      break;
    }
    if (equal.isEmpty() && range == null) {
      return Optional.empty();
    }
    int fixed = equal.size();
    Object[] from = new Object[keys.size()];
    Object[] to = new Object[keys.size()];
    for (int i = 0; i < fixed; i++) {
      from[i] = equal.get(i);
      to[i] = equal.get(i);
    }
    Bound fromFill = Bound.LOW;
    Bound toFill = Bound.HIGH;
    if (range != null) {
      boolean ascending = keys.get(fixed).isAscending();
      // in index order a descending key meets the upper bound first
      Object lowKey = ascending ? firstOf(range, "$gt", "$gte") : firstOf(range, "$lt", "$lte");
      Object highKey = ascending ? firstOf(range, "$lt", "$lte") : firstOf(range, "$gt", "$gte");
      boolean lowExclusive = range.containsKey(ascending ? "$gt" : "$lt");
      boolean highExclusive = range.containsKey(ascending ? "$lt" : "$gt");
      from[fixed] = lowKey == null ? Bound.LOW : lowKey;
      to[fixed] = highKey == null ? Bound.HIGH : highKey;
      fromFill = lowKey != null && lowExclusive ? Bound.HIGH : Bound.LOW;
      toFill = highKey != null && highExclusive ? Bound.LOW : Bound.HIGH;
      fixed++;
    }
    Arrays.fill(from, fixed, from.length, fromFill);
    Arrays.fill(to, fixed, to.length, toFill);
    int sortDirection = sortDirection(keys, equal.size(), orderBy, index.multikey());
    boolean ordered = sortDirection != 0;
    int score = 2 * equal.size() + (range == null ? 0 : 1);
    return Optional.of(
        new IndexPlan(
            index,
            new Entry(from, fromFill),
            new Entry(to, toFill),
            sortDirection < 0,
            ordered,
            score));
  }

  /**
   * Field conditions that all must hold: the query's own fields and those of its {@code $and} parts
   * (drivers send {@code and(...)} as {@code $and}), with ranges on one field merged.
   */
  static Map<String, Object> conditions(Document query) {
    Map<String, Object> conditions = new LinkedHashMap<>();
    collect(query, conditions);
    return conditions;
  }

  private static void collect(Document query, Map<String, Object> conditions) {
    for (var part : query.entrySet()) {
      String field = part.getKey();
      Object condition = part.getValue();
      if (field.equals("$and") && condition instanceof Collection) {
        for (Object clause : (Collection<?>) condition) {
          if (clause instanceof Document) {
            collect((Document) clause, conditions);
          }
        }
      } else if (!field.startsWith("$")) {
        // not Map.merge: a condition may be null (field absent or null)
        conditions.put(
            field,
            conditions.containsKey(field) ? both(conditions.get(field), condition) : condition);
      }
    }
  }

  /** One condition standing for two on the same field: it may find more, never fewer. */
  private static Object both(Object first, Object second) {
    if (equalityValue(first) != null || !isRange(second)) {
      return first;
    }
    if (equalityValue(second) != null || !isRange(first)) {
      return second;
    }
    var merged = new Document((Document) first);
    for (var bound : ((Document) second).entrySet()) {
      merged.putIfAbsent(bound.getKey(), bound.getValue());
    }
    return isRange(merged) ? merged : first;
  }

  private boolean betterThan(IndexPlan other) {
    if (score != other.score) {
      return score > other.score;
    }
    return ordered && !other.ordered;
  }

  /** The value an equality asks for, or null where this query part is no plain equality. */
  private static Object equalityValue(Object value) {
    if (value instanceof Document) {
      var operators = (Document) value;
      if (operators.size() != 1 || !operators.containsKey("$eq")) {
        return null;
      }
      value = operators.get("$eq");
    }
    if (value == null
        || value instanceof Document
        || value instanceof Collection
        || value instanceof Map
        || value instanceof BsonRegularExpression
        || value instanceof Pattern) {
      // null also matches missing fields, an array asks for the whole array, a regex is no value
      return null;
    }
    return value;
  }

  private static boolean isRange(Object value) {
    if (!(value instanceof Document) || ((Document) value).isEmpty()) {
      return false;
    }
    var operators = (Document) value;
    boolean twoLower = operators.containsKey("$gt") && operators.containsKey("$gte");
    boolean twoUpper = operators.containsKey("$lt") && operators.containsKey("$lte");
    if (twoLower || twoUpper || !RANGE_OPERATORS.containsAll(operators.keySet())) {
      return false;
    }
    return operators.values().stream().allMatch(IndexPlan::isScalar);
  }

  private static boolean isScalar(Object value) {
    return value != null
        && !(value instanceof Document)
        && !(value instanceof Collection)
        && !(value instanceof Map);
  }

  private static Object firstOf(Document range, String exclusive, String inclusive) {
    return range.containsKey(exclusive) ? range.get(exclusive) : range.get(inclusive);
  }

  /**
   * 1 when a forward scan yields {@code orderBy}, -1 when a backward scan does, 0 when neither.
   * Sort fields held equal by the query do not matter; an absent sort is met by any order.
   */
  private static int sortDirection(
      List<IndexKey> keys, int equalPrefix, Document orderBy, boolean multikey) {
    if (orderBy == null || orderBy.isEmpty()) {
      return 1;
    }
    if (multikey) {
      return 0;
    }
    var equalFields = keys.subList(0, equalPrefix).stream().map(IndexKey::getKey).toList();
    int next = equalPrefix;
    int direction = 0;
    for (String field : orderBy.keySet()) {
      if (equalFields.contains(field)) {
        continue;
      }
      if (next >= keys.size() || !keys.get(next).getKey().equals(field)) {
        return 0;
      }
      if (!(orderBy.get(field) instanceof Number)) {
        return 0;
      }
      boolean wantAscending = ((Number) orderBy.get(field)).intValue() > 0;
      int fieldDirection = wantAscending == keys.get(next).isAscending() ? 1 : -1;
      if (direction != 0 && fieldDirection != direction) {
        return 0;
      }
      direction = fieldDirection;
      next++;
    }
    return direction == 0 ? 1 : direction;
  }
}
