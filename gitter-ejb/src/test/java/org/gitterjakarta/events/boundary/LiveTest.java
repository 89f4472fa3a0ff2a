package org.gitterjakarta.events.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.gitterjakarta.events.boundary.LiveSubscription.Live;
import org.junit.jupiter.api.Test;

class LiveTest {

  @Test
  void cutsTheUsualShapeApartKeepingTheDataAsText() {
    String data =
        "{\"operation\":\"create\",\"model\":{\"text\":\"a \\\"quote\\\", \\\"data\\\":1}\"}}";
    Live live =
        Live.parse("{\"channel\":\"/api/v1/rooms/abc/chatMessages\",\"data\":" + data + "}");

    assertThat(live.channel()).isEqualTo("/api/v1/rooms/abc/chatMessages");
    assertThat(live.dataJson()).isEqualTo(data);
  }

  @Test
  void parsesAnyOtherShape() {
    Live live = Live.parse("{ \"data\": {\"n\": 1}, \"channel\": \"/api/v1/user/u/rooms\" }");

    assertThat(live.channel()).isEqualTo("/api/v1/user/u/rooms");
    assertThat(live.dataJson()).isEqualTo("{\"n\":1}");
  }
}
