package org.gitterjakarta.mongoserver;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection whose secondary indexes (and the field prefixes of its compound unique ones)
 * answer queries, as a MongoDB server's would: {@link SortedIndex} keeps the keys, {@link
 * IndexPlan} picks the index. Writes keep the indexes current through the storage hooks, so every
 * insert, update, upsert and delete path is covered.
 */
final class IndexedH2Collection extends H2Collection {

  private static final String ID_FIELD = "_id";

  private final List<SortedIndex> sortedIndexes = new CopyOnWriteArrayList<>();

  IndexedH2Collection(
      MongoDatabase database,
      String collectionName,
      CollectionOptions options,
      MVMap<Object, Document> dataMap,
      MVMap<String, Object> metaMap,
      CursorRegistry cursorRegistry) {
    super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
  }

  /** The indexes that answer queries here, for tests and diagnostics. */
  List<SortedIndex> sortedIndexes() {
    return List.copyOf(sortedIndexes);
  }

  @Override
  public void addIndex(Index<Object> index) {
    super.addIndex(index);
    if (isIdIndex(index) || hasSortedIndex(index.getName())) {
      return;
    }
    var sorted = new SortedIndex(index);
    streamAllDocumentsWithPosition()
        .forEach(stored -> sorted.add(stored.getDocument(), stored.getPosition()));
    sortedIndexes.add(sorted);
  }

  @Override
  public void dropIndex(String indexName) {
    super.dropIndex(indexName);
    sortedIndexes.removeIf(index -> index.name().equals(indexName));
  }

  @Override
  protected Object addDocumentInternal(Document document) {
    Object position = super.addDocumentInternal(document);
    sortedIndexes.forEach(index -> index.add(document, position));
    return position;
  }

  @Override
  protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
    super.handleUpdate(position, oldDocument, newDocument);
    for (SortedIndex index : sortedIndexes) {
      index.remove(oldDocument, position);
      index.add(newDocument, position);
    }
  }

  @Override
  protected void removeDocument(Object position) {
    Document stored = getDocument(position);
    super.removeDocument(position);
    if (stored != null) {
      sortedIndexes.forEach(index -> index.remove(stored, position));
    }
  }

  @Override
  protected QueryResult queryDocuments(
      Document query,
      Document orderBy,
      int numberToSkip,
      int limit,
      int batchSize,
      Document fieldSelector) {
    if (isNaturalOrder(orderBy) || answeredByUniqueIndex(query)) {
      return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }
    var plan = IndexPlan.best(sortedIndexes, query, orderBy);
    if (plan.isEmpty()) {
      return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }
    Stream<Document> candidates =
        plan.get().positions().map(this::getDocument).filter(Objects::nonNull);
    if (plan.get().ordered()) {
      // no comparator: the scan is already in the requested order, so the limit ends it early
      return matchDocumentsFromStream(
          query, candidates, numberToSkip, limit, batchSize, null, fieldSelector);
    }
    return matchDocumentsFromStream(
        candidates, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
  }

  private boolean answeredByUniqueIndex(Document query) {
    return getIndexes().stream().anyMatch(index -> index.isUnique() && index.canHandle(query));
  }

  private boolean hasSortedIndex(String name) {
    return sortedIndexes.stream().anyMatch(index -> index.name().equals(name));
  }

  private static boolean isIdIndex(Index<Object> index) {
    return index.getKeys().size() == 1 && ID_FIELD.equals(index.getKeys().get(0).getKey());
  }

  private static boolean isNaturalOrder(Document orderBy) {
    return orderBy != null && orderBy.containsKey("$natural");
  }
}
