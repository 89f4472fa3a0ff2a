package org.gitterjakarta.testsupport.bayeux;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InboxTest {

  Inbox cut = new Inbox();

  @Test
  void takesTheFirstMatchAndKeepsTheRest() {
    cut.add(message("/a", 1));
    cut.add(message("/b", 2));
    cut.add(message("/b", 3));

    assertThat(cut.take(m -> m.getString("channel").equals("/b"), 0)).contains(message("/b", 2));
    assertThat(cut.take(m -> true, 0)).contains(message("/a", 1));
    assertThat(cut.take(m -> true, 0)).contains(message("/b", 3));
  }

  @Test
  void waitsForAMessageThatArrivesLater() {
    CompletableFuture.runAsync(
        () -> cut.add(message("/late", 1)),
        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));

    assertThat(cut.take(m -> true, 5_000)).contains(message("/late", 1));
  }

  @Test
  void givesUpAfterTheWait() {
    cut.add(message("/other", 1));

    assertThat(cut.take(m -> m.getString("channel").equals("/wanted"), 50)).isEmpty();
  }

  private static JsonObject message(String channel, int n) {
    return Json.createObjectBuilder().add("channel", channel).add("n", n).build();
  }
}
