package org.gitterjakarta.messages.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.Test;

class KeptJsonTest {

  private static final String JSON = "{\"id\":\"a\",\"text\":\"hi\"}";

  private final KeptJson.PageCodec cut = new KeptJson.PageCodec();

  private KeptMessage read(Document stored) {
    return new RawBsonDocument(stored, new DocumentCodec()).decode(cut);
  }

  private static Document message(long version, List<String> readers, Document kept) {
    Document message =
        new Document("_id", "a")
            .append("toTroupeId", "r")
            .append("fromUserId", "u")
            .append("text", "hi")
            .append("_tv", version)
            .append("readBy", readers)
            .append("reactions", new Document("tada", List.of("x")));
    return kept == null ? message : message.append(KeptJson.FIELD, kept);
  }

  @Test
  void givesTheKeptJsonWhileTheVersionMatchesAndCountsTheReaders() {
    KeptMessage read = read(message(3, List.of("x", "y"), KeptJson.of(1, 3, JSON)));

    assertThat(read).isEqualTo(new KeptMessage("a", "u", 2, 1, JSON));
    assertThat(read.jsonIn(1)).contains(JSON);
    assertThat(read.jsonIn(2)).as("another format").isEmpty();
  }

  @Test
  void givesNoJsonOnceTheMessageChanged() {
    assertThat(read(message(4, List.of(), KeptJson.of(1, 3, JSON))).json())
        .as("a later version")
        .isNull();
    assertThat(read(message(3, List.of("x"), null)))
        .as("stored before any was kept")
        .isEqualTo(new KeptMessage("a", "u", 1, -1, null));
  }

  @Test
  void readsVersionsStoredAsAnyNumberAndAMissingReaderList() {
    Document small = message(3, List.of(), new Document("f", 1).append("v", 3.0).append("t", JSON));
    small.put("_tv", 3);
    small.remove("readBy");

    assertThat(read(small).json()).isEqualTo(JSON);
    assertThat(read(small).readers()).isZero();
  }

  @Test
  void usesNoKeptFieldOfAnotherShapeNorATextThatIsNoObject() {
    Document odd = message(3, List.of(), null).append(KeptJson.FIELD, "not a document");

    assertThat(read(odd).json()).isNull();
    assertThat(read(odd).id()).isEqualTo("a");
    for (String text : List.of("", "}", "[1]", "{\"id\":\"a\"")) {
      assertThat(read(message(3, List.of(), KeptJson.of(1, 3, text))).json()).as(text).isNull();
    }
  }
}
