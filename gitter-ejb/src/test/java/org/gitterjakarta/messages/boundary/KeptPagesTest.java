package org.gitterjakarta.messages.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.gitterjakarta.messages.control.JsonToKeep;
import org.gitterjakarta.messages.control.KeptMessage;
import org.gitterjakarta.messages.control.MessageStore;
import org.gitterjakarta.messages.control.StoreOnWireServer;
import org.gitterjakarta.messages.entity.ChatMessage;
import org.gitterjakarta.mongoserver.EmbeddedMongoServer;
import org.gitterjakarta.users.boundary.Users;
import org.gitterjakarta.users.entity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages put together from kept texts when the store changes under them: what the page read and what
 * its second read finds are two reads, and writing a text back is not the page's business.
 */
class KeptPagesTest {

  private EmbeddedMongoServer server;
  private MongoClient client;
  private MongoCollection<Document> stored;
  private final KeptPages cut = new KeptPages();
  private final List<String> ids = new ArrayList<>();

  /** Removed between the page's read and the re-read of its out-of-date messages, if set. */
  private String deleteAfterRead;

  private boolean keepingFails;

  @BeforeEach
  void open() {
    server = EmbeddedMongoServer.inMemory("127.0.0.1", 0);
    client = MongoClients.create(server.connectionString());
    var database = client.getDatabase("pages");
    stored = database.getCollection("chatmessages");
    cut.store = StoreOnWireServer.opened(new ChangingStore(), database);
    cut.pageText = new PageText();
    cut.users = new NoOne();
    for (int i = 0; i < 4; i++) {
      var message =
          ChatMessage.written(
              new ObjectId().toHexString(),
              new ChatMessage.Authored("r1", "u1", null, "m" + i, false),
              "<p>m" + i + "</p>",
              List.of(),
              List.of(),
              List.of(),
              true,
              System.currentTimeMillis());
      cut.store.insert(
          message, PageText.FORMAT, cut.pageText.kept(ChatMessageJson.of(message, null)));
      ids.add(message.id());
    }
  }

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  @Test
  void aMessageDeletedBeforeItIsReadAgainIsLeftOutAndTheRestRenderedAgain() {
    forget(ids.get(1));
    forget(ids.get(2));
    deleteAfterRead = ids.get(1);

    List<PageText.Entry> page = cut.page("r1", ids.get(3), null, 10, false);

    assertThat(page).extracting(PageText.Entry::id).containsExactly(ids.get(0), ids.get(2));
    assertThat(page.get(1).json()).startsWith("{").contains("\"text\":\"m2\"");
    assertThat(keptText(ids.get(2))).as("kept again").isEqualTo(page.get(1).json());
    assertThat(stored.countDocuments(new Document("_id", ids.get(1)))).isZero();
  }

  @Test
  void aPageIsAnsweredWhenItsTextsCannotBeKeptAgain() {
    forget(ids.get(2));
    keepingFails = true;

    List<PageText.Entry> page = cut.page("r1", null, ids.get(0), 10, false);

    assertThat(page)
        .extracting(PageText.Entry::id)
        .containsExactly(ids.get(1), ids.get(2), ids.get(3));
    assertThat(page.get(1).json()).contains("\"text\":\"m2\"");
    assertThat(keptText(ids.get(2))).as("not kept").isNull();
  }

  private void forget(String id) {
    stored.updateOne(new Document("_id", id), new Document("$unset", new Document("_j", 1)));
  }

  private String keptText(String id) {
    Document kept = stored.find(new Document("_id", id)).first().get("_j", Document.class);
    return kept == null ? null : kept.getString("t");
  }

  /** The real store, with a deletion that lands between a page's two reads, or a failing write. */
  private final class ChangingStore extends MessageStore {

    @Override
    public List<KeptMessage> keptPage(
        String roomId, String beforeId, String afterId, int limit, boolean includeThreads) {
      List<KeptMessage> page = super.keptPage(roomId, beforeId, afterId, limit, includeThreads);
      if (deleteAfterRead != null) {
        stored.deleteOne(new Document("_id", deleteAfterRead));
      }
      return page;
    }

    @Override
    public void keep(String roomId, int format, List<JsonToKeep> rendered) {
      if (keepingFails) {
        throw new IllegalStateException("the store is away");
      }
      super.keep(roomId, format, rendered);
    }
  }

  /** Senders are not what these pages are about. */
  private static final class NoOne extends Users {
    @Override
    public Optional<User> findIncludingRemoved(String id) {
      return Optional.empty();
    }
  }
}
