package org.gitterjakarta.messages.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.ArrayList;
import java.util.List;
import org.bson.types.ObjectId;
import org.gitterjakarta.messages.entity.ChatMessage;
import org.gitterjakarta.mongoserver.EmbeddedMongoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The kept texts of history pages in the store, on the embedded MongoDB wire server. */
class MessageStoreKeptJsonTest {

  private static final int FORMAT = 7;

  private EmbeddedMongoServer server;
  private MongoClient client;
  private MessageStore cut;

  @BeforeEach
  void open() {
    server = EmbeddedMongoServer.inMemory("127.0.0.1", 0);
    client = MongoClients.create(server.connectionString());
    cut = StoreOnWireServer.opened(new MessageStore(), client.getDatabase("kept"));
  }

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  private ChatMessage sent(String roomId, String text) {
    var message =
        ChatMessage.written(
            new ObjectId().toHexString(),
            new ChatMessage.Authored(roomId, "u1", null, text, false),
            "<p>" + text + "</p>",
            List.of(),
            List.of(),
            List.of(),
            true,
            System.currentTimeMillis());
    cut.insert(message, FORMAT, "{\"text\":\"" + text + "\"}");
    return message;
  }

  /**
   * Two readers may render a message at once while it is edited: the one that read the older
   * version must not replace the newer text (it would be rendered again on every read until the
   * next write-back).
   */
  @Test
  void aTextRenderedFromAnOlderVersionDoesNotReplaceANewerOne() {
    ChatMessage message = sent("r1", "first");
    cut.rewrite(message.edited("second", "<p>second</p>", List.of(), List.of(), List.of(), 1L));

    assertThat(cut.keptPage("r1", null, null, 10, false))
        .singleElement()
        .satisfies(m -> assertThat(m.jsonIn(FORMAT)).as("edited since").isEmpty());

    cut.keep("r1", FORMAT, List.of(new JsonToKeep(message.id(), 2, "{\"text\":\"second\"}")));
    cut.keep("r1", FORMAT, List.of(new JsonToKeep(message.id(), 1, "{\"text\":\"first\"}")));

    assertThat(cut.keptPage("r1", null, null, 10, false).get(0).jsonIn(FORMAT))
        .contains("{\"text\":\"second\"}");
  }

  @Test
  void newReadersAreCountedAndLeaveTheTextAsItIs() {
    ChatMessage message = sent("r1", "read me");

    cut.addReaders("r1", message.id(), List.of("u2", "u3"));

    KeptMessage read = cut.keptPage("r1", null, null, 10, false).get(0);
    assertThat(read.readers()).isEqualTo(2);
    assertThat(read.senderId()).isEqualTo("u1");
    assertThat(read.jsonIn(FORMAT)).contains("{\"text\":\"read me\"}");
  }

  @Test
  void pagesBeforeAndAfterAMessageComeOldestFirstFromTheirRoomOnly() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add(sent("r1", "m" + i).id());
      sent("r2", "other " + i);
    }

    assertThat(cut.keptPage("r1", ids.get(4), null, 3, false))
        .extracting(KeptMessage::id)
        .containsExactly(ids.get(1), ids.get(2), ids.get(3));
    assertThat(cut.keptPage("r1", null, ids.get(1), 3, false))
        .extracting(KeptMessage::id)
        .containsExactly(ids.get(2), ids.get(3), ids.get(4));
  }

  @Test
  void messagesReadAgainByIdAreTheRoomsOnlyInIdOrder() {
    ChatMessage first = sent("r1", "one");
    ChatMessage elsewhere = sent("r2", "two");
    ChatMessage last = sent("r1", "three");

    assertThat(cut.byIds("r1", List.of(last.id(), elsewhere.id(), first.id())))
        .extracting(ChatMessage::text)
        .containsExactly("one", "three");
    assertThat(cut.byIds("r1", List.of())).isEmpty();
  }
}
