package org.gitterjakarta.ws.bayeux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BayeuxSocketCloseTest {

  private final List<CloseReason> closes = new ArrayList<>();

  /** A session whose close records its reason, or fails as Tyrus's does once it is closed. */
  private Session session(boolean closedAlready) {
    return (Session)
        Proxy.newProxyInstance(
            Session.class.getClassLoader(),
            new Class<?>[] {Session.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close") && args != null && args.length == 1) {
                if (closedAlready) {
                  throw new IllegalStateException("The connection has been closed.");
                }
                closes.add((CloseReason) args[0]);
                return null;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  @Test
  void closesWithTheCodeAndAReasonThatFitsACloseFrame() {
    BayeuxSocket.close(session(false), 1011, "x".repeat(200));

    assertThat(closes).hasSize(1);
    assertThat(closes.get(0).getCloseCode().getCode()).isEqualTo(1011);
    assertThat(closes.get(0).getReasonPhrase()).hasSize(BayeuxSocket.MAX_REASON_LENGTH);
  }

  @Test
  void aSocketTheClientClosedFirstIsLeftQuietly() {
    assertThatCode(() -> BayeuxSocket.close(session(true), 1001, "gone"))
        .as("CometD's flush job would log a stack trace per socket")
        .doesNotThrowAnyException();
  }
}
