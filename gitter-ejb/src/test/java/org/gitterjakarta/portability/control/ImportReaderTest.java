package org.gitterjakarta.portability.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.gitterjakarta.portability.entity.ImportedIds;
import org.gitterjakarta.portability.entity.ImportedMessage;
import org.gitterjakarta.problems.Problem;
import org.junit.jupiter.api.Test;

class ImportReaderTest {

  static final String A =
      "{\"id\":\"5f0000000000000000000001\",\"text\":\"hi\",\"sent\":\"2020-07-01T10:00:00.000Z\","
          + "\"fromUser\":{\"id\":\"u1\",\"username\":\"ann\",\"displayName\":\"Ann\"}}";
  static final String B =
      "{\"id\":\"5f0000010000000000000002\",\"text\":\"re: {[\\\"x\",\"sent\":\"2020-07-01T10:00:01.000Z\","
          + "\"parentId\":\"5f0000000000000000000001\",\"fromUser\":{\"username\":\"bob\"}}";

  static List<ImportedMessage> read(String input) throws IOException {
    var reader = new ImportReader(new StringReader(input));
    List<ImportedMessage> all = new ArrayList<>();
    for (var m = reader.next(); m.isPresent(); m = reader.next()) {
      all.add(m.get());
    }
    return all;
  }

  @Test
  void readsNewlineDelimitedMessages() throws IOException {
    var messages = read(A + "\n\n" + B + "\n");
    assertThat(messages)
        .extracting(ImportedMessage::sourceId)
        .containsExactly("5f0000000000000000000001", "5f0000010000000000000002");
    assertThat(messages.get(1).text()).isEqualTo("re: {[\"x");
    assertThat(messages.get(1).parentSourceId()).isEqualTo("5f0000000000000000000001");
    assertThat(messages.get(0).author()).isEqualTo(new ImportedMessage.Author("ann", "Ann", false));
    assertThat(messages.get(1).author()).isEqualTo(new ImportedMessage.Author("bob", "bob", false));
    assertThat(messages.get(0).sent()).isEqualTo(1593597600000L);
    assertThat(messages.get(1).line()).isEqualTo(3);
  }

  @Test
  void knowsASenderRemovedThereOnlyByATrueRemovedFlag() throws IOException {
    String removed = A.replace("\"Ann\"}", "\"Ghost\",\"removed\":true}");
    String notABoolean = A.replace("\"Ann\"}", "\"Ann\",\"removed\":\"yes\"}");
    assertThat(read(removed).get(0).author())
        .isEqualTo(new ImportedMessage.Author("ann", "Ghost", true));
    assertThat(read(notABoolean).get(0).author().removed()).isFalse();
  }

  @Test
  void readsApiPagesOneAfterTheOther() throws IOException {
    assertThat(read("[" + A + ",\n" + B + "]\n[]\n[" + A + "]")).hasSize(3);
  }

  @Test
  void readsLookupsPages() throws IOException {
    String page =
        "{\"items\":[{\"id\":\"5f0000000000000000000003\",\"text\":\"x\",\"sent\":\"2020-07-01T10:00:00Z\","
            + "\"fromUser\":\"u9\"}],\"lookups\":{\"users\":{\"u9\":{\"username\":\"cy\"}}}}";
    assertThat(read(page)).singleElement().extracting(m -> m.author().username()).isEqualTo("cy");
  }

  @Test
  void namesTheLineOfAFault() {
    assertThatThrownBy(() -> read(A + "\n" + A + "\n{\"id\": nope}\n"))
        .isInstanceOf(Problem.class)
        .hasMessageStartingWith("line 3: malformed JSON");
    assertThatThrownBy(() -> read(A + "\n{\"id\":\"5f0000000000000000000009\",\"text\":\"x\"}"))
        .hasMessage("line 2: message 5f0000000000000000000009 has no 'sent' date");
    assertThatThrownBy(() -> read("[" + A + ",\n" + A)).hasMessageStartingWith("line 2:");
    assertThatThrownBy(() -> read("\n\nhello")).hasMessageStartingWith("line 3: expected a JSON");
    assertThatThrownBy(() -> read(A.replace("\"ann\"", "42"))).hasMessageContaining("username");
  }

  @Test
  void namesTheLineOfBytesThatAreNoText() {
    byte[] bytes = (A + "\n" + A + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    bytes[A.length() + 20] = (byte) 0xff;
    var reader =
        new ImportReader(
            new java.io.InputStreamReader(
                new java.io.ByteArrayInputStream(bytes),
                java.nio.charset.StandardCharsets.UTF_8.newDecoder()));
    assertThatThrownBy(
            () -> {
              while (reader.next().isPresent()) {
                // read on
              }
            })
        .hasMessage("line 2: the file is not UTF-8 text");
  }

  @Test
  void importedIdsKeepTheOrderAndDifferPerRoom() {
    String first = ImportedIds.of("room1", "5f0000000000000000000001");
    String second = ImportedIds.of("room1", "5f0000000000000000000002");
    assertThat(first).hasSize(24).isLessThan(second).startsWith("5f000000").endsWith("000001");
    assertThat(first).isNotEqualTo("5f0000000000000000000001");
    assertThat(ImportedIds.of("room2", "5f0000000000000000000001")).isNotEqualTo(first);
    assertThat(ImportedIds.of("room1", "5f0000000000000000000001")).isEqualTo(first);
  }

  @Test
  void derivesUsableUsernames() {
    assertThat(Placeholders.usable("ann")).isEqualTo("ann");
    assertThat(Placeholders.usable("api")).startsWith("api-").hasSize(10);
    assertThat(Placeholders.usable("a b@c")).startsWith("a-b-c-");
  }
}
