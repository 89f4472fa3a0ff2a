package org.gitterjakarta.ws.bayeux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BayeuxRequestsTest {

  static final String HANDSHAKE =
      "{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"ext\":{\"token\":\"t\"}}";

  @Test
  void acceptsAMessageAndABatchAsFayeSendsThem() {
    assertThat(BayeuxRequests.problem(HANDSHAKE)).isEmpty();
    assertThat(
            BayeuxRequests.problem(
                "[{\"channel\":\"/meta/subscribe\",\"subscription\":\"/api/v1/rooms/x\","
                    + "\"ext\":{\"snapshot\":{\"limit\":30}}},"
                    + "{\"channel\":\"/meta/connect\",\"connectionType\":\"long-polling\"}] \n"))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "null",
        "{",
        "\"x\"",
        "123",
        "[]",
        "[null]",
        "[[]]",
        "[\"x\"]",
        "{}",
        "{\"channel\":42}",
        "{\"channel\":\"nope\"}",
        "{\"channel\":\"/meta/handshake\",\"ext\":\"x\"}",
        "{\"channel\":\"/meta/handshake\"} xyz",
        "[{\"channel\":\"/meta/handshake\"},{\"channel\":\"/meta/handshake\"}]",
        "[{\"channel\":\"/meta/connect\"},{\"channel\":\"/meta/connect\"}]",
        "{\"channel\":\"/meta/connect\",\"clientId\":42}",
        "{\"channel\":\"/meta/subscribe\",\"subscription\":[\"/a\"]}",
        "{\"channel\":\"/meta/connect\",\"connectionType\":{}}",
        "{\"channel\":\"/meta/connect\",\"advice\":\"x\"}",
        "{\"channel\":\"/meta/handshake\",\"supportedConnectionTypes\":[1]}",
        "{\"channel\":\"/meta/handshake\",\"version\":true}",
        "{\"channel\":\"/meta/foo\",\"clientId\":\"x\"}"
      })
  void refusesWhatIsNotABayeuxRequest(String request) {
    assertThat(BayeuxRequests.problem(request)).isPresent();
  }

  @Test
  void tellsWhetherARequestStartsASession() {
    assertThat(BayeuxRequests.check(HANDSHAKE).handshake()).isTrue();
    assertThat(BayeuxRequests.check("[" + HANDSHAKE + "]").handshake()).isTrue();
    var connect = BayeuxRequests.check("[{\"channel\":\"/meta/connect\",\"clientId\":\"c\"}]");
    assertThat(connect.problem()).isEmpty();
    assertThat(connect.handshake()).isFalse();
    assertThat(BayeuxRequests.check("[" + HANDSHAKE).handshake()).as("malformed").isFalse();
    var twice = BayeuxRequests.check("[" + HANDSHAKE + "," + HANDSHAKE + "]");
    assertThat(twice.problem()).hasValue("At most one handshake per request");
    assertThat(twice.handshake()).as("refused by its problem, not taken as a new client").isFalse();
  }

  @Test
  void boundsTheBatch() {
    String subscribe = "{\"channel\":\"/meta/subscribe\",\"subscription\":\"/api/v1/ping\"}";
    String allowed = "[" + String.join(",", java.util.Collections.nCopies(100, subscribe)) + "]";
    String tooMany = "[" + String.join(",", java.util.Collections.nCopies(101, subscribe)) + "]";

    assertThat(BayeuxRequests.problem(allowed)).isEmpty();
    assertThat(BayeuxRequests.problem(tooMany)).contains("At most 100 messages per request");
  }

  @Test
  void boundsNesting() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    String shallow = "[".repeat(16) + "]".repeat(16);

    assertThat(BayeuxRequests.problem("{\"channel\":\"/x\",\"data\":" + deep + "}"))
        .contains("Nested too deeply");
    assertThat(BayeuxRequests.problem("{\"channel\":\"/x\",\"data\":" + shallow + "}")).isEmpty();
  }

  @Test
  void answersInBayeuxShape() {
    assertThat(BayeuxRequests.errorReply("Empty request"))
        .isEqualTo(
            "[{\"channel\":\"/meta/unknown\",\"successful\":false,\"error\":\"400::Empty request\"}]");
  }
}
