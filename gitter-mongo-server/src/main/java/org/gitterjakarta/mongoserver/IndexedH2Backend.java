package org.gitterjakarta.mongoserver;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The H2 back end with collections that use their secondary indexes ({@link IndexedH2Collection}).
 */
final class IndexedH2Backend extends H2Backend {

  // same map names as H2Database, so data files written before stay readable
  private static final String DATA_PREFIX = "databases.";
  private static final String META_PREFIX = "meta.";

  IndexedH2Backend(MVStore store) {
    super(store);
  }

  static IndexedH2Backend inMemoryStore() {
    return new IndexedH2Backend(MVStore.open(null));
  }

  static IndexedH2Backend onDiskStore(String fileName, int cacheMegabytes) {
    return new IndexedH2Backend(
        new MVStore.Builder().fileName(fileName).cacheSize(cacheMegabytes).open());
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new Database(databaseName);
  }

  /**
   * An inner class on purpose: H2Database opens its collections from its constructor, and only the
   * enclosing backend (already built by then) can hand over the store at that point.
   */
  private final class Database extends H2Database {

    Database(String databaseName) {
      super(
          databaseName,
          IndexedH2Backend.this.getMvStore(),
          IndexedH2Backend.this.getCursorRegistry());
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(
        String collectionName, CollectionOptions options) {
      String fullName = getFullCollectionNamespace(collectionName);
      MVStore store = IndexedH2Backend.this.getMvStore();
      MVMap<Object, Document> data = store.openMap(DATA_PREFIX + fullName);
      MVMap<String, Object> meta = store.openMap(META_PREFIX + fullName);
      return new IndexedH2Collection(this, collectionName, options, data, meta, cursorRegistry);
    }
  }
}
