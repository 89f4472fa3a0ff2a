package org.gitterjakarta.events.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.gitterjakarta.events.boundary.LiveSubscription.Live;
import org.junit.jupiter.api.Test;

class LiveTest {

  static final String DATA =
      "{\"operation\":\"create\",\"model\":{\"text\":\"a \\\"quote\\\", \\\"data\\\":1}\"}}";

  @Test
  void cutsTheUsualShapeApartKeepingTheDataAsText() {
    Live live =
        Live.parse(
            "{\"at\":1733350000123,\"channel\":\"/api/v1/rooms/abc/chatMessages\",\"data\":"
                + DATA
                + "}");

    assertThat(live.channel()).isEqualTo("/api/v1/rooms/abc/chatMessages");
    assertThat(live.dataJson()).isEqualTo(DATA);
    assertThat(live.publishedAt()).isEqualTo(1733350000123L);
  }

  @Test
  void takesAnEventWithoutPublishTimeAsPublishedAtZero() {
    Live live =
        Live.parse("{\"channel\":\"/api/v1/rooms/abc/chatMessages\",\"data\":" + DATA + "}");

    assertThat(live.channel()).isEqualTo("/api/v1/rooms/abc/chatMessages");
    assertThat(live.dataJson()).isEqualTo(DATA);
    assertThat(live.publishedAt()).isZero();
  }

  @Test
  void parsesAnyOtherShape() {
    Live live =
        Live.parse("{ \"data\": {\"n\": 1}, \"at\": 42, \"channel\": \"/api/v1/user/u/rooms\" }");

    assertThat(live.channel()).isEqualTo("/api/v1/user/u/rooms");
    assertThat(live.dataJson()).isEqualTo("{\"n\":1}");
    assertThat(live.publishedAt()).isEqualTo(42);
  }

  @Test
  void parsesAPublishTimeThatIsNoNumberWithTheJsonParser() {
    Live live = Live.parse("{\"at\":\"soon\",\"channel\":\"/api/v1/ping\",\"data\":{}}");

    assertThat(live.channel()).isEqualTo("/api/v1/ping");
    assertThat(live.publishedAt()).isZero();
  }
}
