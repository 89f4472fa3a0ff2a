package org.gitterjakarta.ws.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.net.http.WebSocket;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** How the realtime warm-up's clients count what reaches them: the warm-up paces itself by it. */
class WarmUpClientTest {

  static final String CHANNEL = "/gitter/warm-up/00ff";
  static final String EVENT =
      "{\"channel\":\""
          + CHANNEL
          + "\",\"data\":{\"model\":{\"text\":\""
          + RealtimeWarmUp.MARK
          + "\"}},\"ext\":{\"c\":1}}";

  final AtomicLong received = new AtomicLong();
  final WarmUpClient client = new WarmUpClient(CHANNEL, RealtimeWarmUp.MARK, received);

  /** Only asked for more input: nothing is sent in these cases. */
  final WebSocket socket =
      (WebSocket)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {WebSocket.class},
              (proxy, method, args) -> null);

  @Test
  void countsEveryEventOfABatchedFrame() {
    client.onText(socket, "[" + EVENT + "," + EVENT + "," + EVENT + "]", true);

    assertThat(received).hasValue(3);
  }

  @Test
  void countsAnEventSplitOverPartsOnceItIsWhole() {
    int middle = EVENT.indexOf(RealtimeWarmUp.MARK) + 5;

    client.onText(socket, "[" + EVENT.substring(0, middle), false);
    assertThat(received).hasValue(0);
    client.onText(socket, EVENT.substring(middle) + "]", true);

    assertThat(received).hasValue(1);
  }

  @Test
  void countsNothingInRepliesToItsOwnRequests() {
    client.onText(
        socket,
        "[{\"channel\":\"/meta/connect\",\"successful\":false,\"error\":\"402::Unknown client\"}]",
        true);

    assertThat(received).hasValue(0);
  }

  @Test
  void findsMarksThatDoNotOverlap() {
    assertThat(WarmUpClient.occurrences("abab", "ab")).isEqualTo(2);
    assertThat(WarmUpClient.occurrences("aaa", "aa")).isEqualTo(1);
    assertThat(WarmUpClient.occurrences("", "ab")).isZero();
  }
}
