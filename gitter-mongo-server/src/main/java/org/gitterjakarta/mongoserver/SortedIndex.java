package org.gitterjakarta.mongoserver;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;

/**
 * An ordered in-memory copy of one index's keys, pointing at document positions. The H2 back end
 * keeps only unique indexes and then only answers exact matches on all their fields, so without
 * this a history page, a room's members or a person's rooms would scan the whole collection. It is
 * rebuilt from the documents whenever the server opens the collection.
 */
final class SortedIndex {

  private static final System.Logger LOGGER = System.getLogger(SortedIndex.class.getName());

  /** Ends of a key range: below or above every stored value, whatever its type. */
  enum Bound {
    LOW,
    HIGH
  }

  record Entry(Object[] values, Object position) {}

  private final Index<Object> definition;
  private final List<IndexKey> keys;
  private final ConcurrentSkipListSet<Entry> entries;
  private volatile boolean multikey;
  private volatile boolean usable = true;

  SortedIndex(Index<Object> definition) {
    this.definition = definition;
    this.keys = List.copyOf(definition.getKeys());
    this.entries = new ConcurrentSkipListSet<>(entryOrder(keys));
  }

  String name() {
    return definition.getName();
  }

  List<IndexKey> keys() {
    return keys;
  }

  /** Whether some document had an array under an indexed field (then the order is not a sort). */
  boolean multikey() {
    return multikey;
  }

  /** False once a document could not be indexed: the index then answers nothing, queries scan. */
  boolean usable() {
    return usable;
  }

  int size() {
    return entries.size();
  }

  void add(Document document, Object position) {
    try {
      var keyValues = definition.getKeyValues(document);
      if (keyValues.size() > 1) {
        multikey = true;
      }
      for (KeyValue keyValue : keyValues) {
        entries.add(new Entry(toArray(keyValue), position));
      }
    } catch (RuntimeException e) {
      // e.g. parallel arrays: MongoDB refuses the write, the H2 back end has already stored it
      usable = false;
      LOGGER.log(System.Logger.Level.WARNING, "Index " + name() + " given up: " + e.getMessage());
    }
  }

  void remove(Document document, Object position) {
    try {
      for (KeyValue keyValue : definition.getKeyValues(document)) {
        entries.remove(new Entry(toArray(keyValue), position));
      }
    } catch (RuntimeException e) {
      usable = false;
      LOGGER.log(System.Logger.Level.WARNING, "Index " + name() + " given up: " + e.getMessage());
    }
  }

  /** Positions of the entries from {@code from} to {@code to} (both ends are {@link Bound}s). */
  Stream<Object> positions(Entry from, Entry to, boolean descending) {
    if (entries.comparator().compare(from, to) > 0) {
      return Stream.empty();
    }
    NavigableSet<Entry> range = entries.subSet(from, true, to, true);
    if (descending) {
      range = range.descendingSet();
    }
    // an array field puts one document under several keys
    return range.stream().map(Entry::position).distinct();
  }

  private static Object[] toArray(KeyValue keyValue) {
    return keyValue.stream().toArray();
  }

  private static Comparator<Entry> entryOrder(List<IndexKey> keys) {
    boolean[] ascending = new boolean[keys.size()];
    for (int i = 0; i < ascending.length; i++) {
      ascending[i] = keys.get(i).isAscending();
    }
    return (a, b) -> {
      for (int i = 0; i < ascending.length; i++) {
        int c = compareValues(a.values()[i], b.values()[i], ascending[i]);
        if (c != 0) {
          return c;
        }
      }
      return compareValues(a.position(), b.position(), true);
    };
  }

  private static int compareValues(Object a, Object b, boolean ascending) {
    if (a instanceof Bound || b instanceof Bound) {
      return Integer.compare(rank(a), rank(b));
    }
    int c = ValueComparator.asc().compare(a, b);
    return ascending ? c : -c;
  }

  private static int rank(Object value) {
    if (value == Bound.LOW) {
      return -1;
    }
    return value == Bound.HIGH ? 1 : 0;
  }
}
