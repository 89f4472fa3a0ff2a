package org.gitterjakarta.testsupport.bayeux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void connectAndDisconnectTextIsTheJsonABuilderWouldWrite() {
    JsonObject connect = Messages.parse(Messages.connect("c1", "websocket", 7)).get(0);
    assertThat(connect)
        .isEqualTo(
            Json.createObjectBuilder()
                .add("channel", "/meta/connect")
                .add("clientId", "c1")
                .add("connectionType", "websocket")
                .add("id", "7")
                .build());
    assertThat(Messages.parse(Messages.disconnect("c1")).get(0).getString("channel"))
        .isEqualTo("/meta/disconnect");
  }

  @Test
  void readsABatchOrOneBareMessage() {
    assertThat(Messages.parse("[{\"channel\":\"/a\"},{\"channel\":\"/b\"}]")).hasSize(2);
    assertThat(Messages.parse("{\"channel\":\"/a\"}")).hasSize(1);
  }

  @Test
  void readsNothingFromWhatIsNoBatch() {
    assertThat(Messages.parse("<html>502</html>")).isEmpty();
    assertThat(Messages.parse("[1, 2]")).isEmpty();
  }

  @Test
  void handshakeCarriesTheExtOnlyWhenGiven() {
    JsonObject ext = Json.createObjectBuilder().add("token", "t0k").add("troupeId", "r").build();
    assertThat(Messages.handshake("long-polling", ext).build().getJsonObject("ext")).isEqualTo(ext);
    assertThat(Messages.handshake("long-polling", null).build()).doesNotContainKey("ext");
  }

  @Test
  void aRefusalIsAnError() {
    JsonObject refused =
        Json.createObjectBuilder().add("successful", false).add("error", "403::no").build();
    assertThatThrownBy(() -> Messages.successful(refused)).hasMessageContaining("403::no");
  }
}
