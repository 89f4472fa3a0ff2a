package org.gitterjakarta.messages.control;

import com.mongodb.client.MongoDatabase;

/** Sets a {@link MessageStore} up by hand, as CDI would, for tests outside its package. */
public final class StoreOnWireServer {

  private StoreOnWireServer() {}

  /** {@code store} (a subclass may watch or change what it does) on {@code database}, indexed. */
  public static <T extends MessageStore> T opened(T store, MongoDatabase database) {
    store.database = database;
    store.latest = new LatestPages();
    store.writeConcern = "ACKNOWLEDGED";
    store.open();
    store.createIndexes(new Object());
    return store;
  }
}
