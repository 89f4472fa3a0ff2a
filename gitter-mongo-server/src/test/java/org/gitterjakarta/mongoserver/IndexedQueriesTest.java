package org.gitterjakarta.mongoserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queries the product sends, through the driver, against collections with indexes. */
class IndexedQueriesTest {

  /** H2's own default: these stores are small. */
  private static final int SMALL_CACHE = ServerOptions.MIN_CACHE_MEGABYTES;

  @TempDir Path dir;

  private EmbeddedMongoServer server;
  private MongoClient client;

  @BeforeEach
  void start() {
    server = EmbeddedMongoServer.inMemory("127.0.0.1", 0);
    client = MongoClients.create(server.connectionString());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void historyPagesComeNewestFirstFromTheirRoomOnly() {
    var messages = messages();
    List<String> ids = insertMessages(messages, 120);

    var latest =
        idsOf(messages.find(Filters.eq("toTroupeId", "r1")).sort(Sorts.descending("_id")).limit(5));
    var before =
        idsOf(
            messages
                .find(Filters.and(Filters.eq("toTroupeId", "r1"), Filters.lt("_id", latest.get(4))))
                .sort(Sorts.descending("_id"))
                .limit(5));

    List<String> room1 = new ArrayList<>();
    for (int i = ids.size() - 1; i >= 0; i--) {
      if (i % 3 == 1) {
        room1.add(ids.get(i));
      }
    }
    assertThat(latest).isEqualTo(room1.subList(0, 5));
    assertThat(before).isEqualTo(room1.subList(5, 10));
  }

  @Test
  void editsMovesAndDeletesAreSeenByTheIndex() {
    var messages = messages();
    List<String> ids = insertMessages(messages, 9);

    messages.updateOne(Filters.eq("_id", ids.get(0)), Updates.set("toTroupeId", "r9"));
    messages.deleteOne(Filters.eq("_id", ids.get(3)));

    assertThat(idsOf(messages.find(Filters.eq("toTroupeId", "r9")))).containsExactly(ids.get(0));
    assertThat(idsOf(messages.find(Filters.eq("toTroupeId", "r0")).sort(Sorts.ascending("_id"))))
        .containsExactly(ids.get(6));
    assertThat(messages.countDocuments(Filters.eq("toTroupeId", "r1"))).isEqualTo(3);
  }

  @Test
  void compoundUniqueIndexAnswersItsFirstFieldAndStillRefusesDuplicates() {
    var members = client.getDatabase("gitter").getCollection("troupeusers");
    members.createIndex(Indexes.ascending("troupeId", "userId"), new IndexOptions().unique(true));
    for (int i = 0; i < 20; i++) {
      members.insertOne(new Document("troupeId", "r" + (i % 2)).append("userId", "u" + i));
    }

    var roomOne = members.find(Filters.eq("troupeId", "r1")).sort(Sorts.ascending("userId"));

    assertThat(roomOne.map(d -> d.getString("userId")).into(new ArrayList<>()))
        .hasSize(10)
        .allMatch(user -> Integer.parseInt(user.substring(1)) % 2 == 1);
    var duplicate = new Document("troupeId", "r1").append("userId", "u1");
    assertThatThrownBy(() -> members.insertOne(duplicate))
        .isInstanceOf(MongoWriteException.class)
        .hasMessageContaining("E11000");
  }

  @Test
  void arrayFieldsAreFoundByAnyElement() {
    var users = client.getDatabase("gitter").getCollection("users");
    users.createIndex(Indexes.ascending("emails"));
    users.insertOne(new Document("_id", "u1").append("emails", List.of("a@x.org", "b@x.org")));
    users.insertOne(new Document("_id", "u2").append("emails", List.of("c@x.org")));

    users.updateOne(Filters.eq("_id", "u1"), Updates.pull("emails", "b@x.org"));

    assertThat(idsOf(users.find(Filters.eq("emails", "a@x.org")))).containsExactly("u1");
    assertThat(idsOf(users.find(Filters.eq("emails", "b@x.org")))).isEmpty();
    assertThat(idsOf(users.find(Filters.in("emails", "b@x.org", "c@x.org")))).containsExactly("u2");
  }

  @Test
  void indexesAreRebuiltWhenADataFileIsOpenedAgain() throws Exception {
    Path file = dir.resolve("mongo.mv");
    List<String> ids;
    try (var disk = EmbeddedMongoServer.onDisk(file, "127.0.0.1", 0, SMALL_CACHE);
        var diskClient = MongoClients.create(disk.connectionString())) {
      ids = insertMessages(collection(diskClient), 6);
    }

    try (var disk = EmbeddedMongoServer.onDisk(file, "127.0.0.1", 0, SMALL_CACHE);
        var diskClient = MongoClients.create(disk.connectionString())) {
      var messages = collection(diskClient);
      String added = new ObjectId().toHexString();
      messages.insertOne(new Document("_id", added).append("toTroupeId", "r2"));

      var roomTwo =
          idsOf(messages.find(Filters.eq("toTroupeId", "r2")).sort(Sorts.descending("_id")));

      assertThat(roomTwo).containsExactly(added, ids.get(5), ids.get(2));
    }
  }

  private MongoCollection<Document> messages() {
    var messages = collection(client);
    return messages;
  }

  private static MongoCollection<Document> collection(MongoClient client) {
    var messages = client.getDatabase("gitter").getCollection("chatmessages");
    messages.createIndex(
        Indexes.compoundIndex(Indexes.ascending("toTroupeId"), Indexes.descending("_id")));
    return messages;
  }

  /** Inserts messages with growing ids into rooms r0, r1, r2 in turn; returns the ids in order. */
  private static List<String> insertMessages(MongoCollection<Document> messages, int count) {
    List<String> ids = new ArrayList<>();
    IntStream.range(0, count)
        .forEach(
            i -> {
              String id = new ObjectId().toHexString();
              ids.add(id);
              messages.insertOne(
                  new Document("_id", id)
                      .append("toTroupeId", "r" + (i % 3))
                      .append("text", "m" + i));
            });
    return ids;
  }

  private static List<String> idsOf(Iterable<Document> documents) {
    List<String> ids = new ArrayList<>();
    documents.forEach(d -> ids.add(d.get("_id").toString()));
    return ids;
  }
}
