package org.gitterjakarta.mongoserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerTest {

  /** H2's own default: these stores are small. */
  private static final int SMALL_CACHE = ServerOptions.MIN_CACHE_MEGABYTES;

  @TempDir Path dir;

  @Test
  void keepsDocumentsAcrossRestartsWhenGivenADataFile() throws Exception {
    Path file = dir.resolve("mongo.mv");
    try (var server = EmbeddedMongoServer.onDisk(file, "127.0.0.1", 0, SMALL_CACHE);
        var client = MongoClients.create(server.connectionString())) {
      client.getDatabase("gitter").getCollection("users").insertOne(new Document("_id", "u1"));
    }

    try (var server = EmbeddedMongoServer.onDisk(file, "127.0.0.1", 0, SMALL_CACHE);
        var client = MongoClients.create(server.connectionString())) {
      var users = client.getDatabase("gitter").getCollection("users");
      assertThat(users.find(new Document("_id", "u1")).first()).isNotNull();
    }
  }

  @Test
  void givesTheDataFileThePageCacheItIsTold() {
    var backend = IndexedH2Backend.onDiskStore(dir.resolve("cached.mv").toString(), 64);
    try {
      assertThat(backend.getMvStore().getCacheSize()).isEqualTo(64);
    } finally {
      backend.close();
    }
  }

  @Test
  void enforcesUniqueIndexes() {
    try (var server = EmbeddedMongoServer.inMemory("127.0.0.1", 0);
        var client = MongoClients.create(server.connectionString())) {
      var rooms = client.getDatabase("gitter").getCollection("troupes");
      rooms.createIndex(Indexes.ascending("lcUri"), new IndexOptions().unique(true));
      rooms.insertOne(new Document("lcUri", "community/room"));

      var duplicate = new Document("lcUri", "community/room");
      assertThatThrownBy(() -> rooms.insertOne(duplicate))
          .isInstanceOf(MongoWriteException.class)
          .hasMessageContaining("E11000");
    }
  }
}
