package org.gitterjakarta.ws.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.ServerMessageImpl;
import org.eclipse.jetty.util.ajax.JSON;
import org.junit.jupiter.api.Test;

/** What a full client queue gives up: ephemeral events first, then the client itself. */
class LocalClientsTest {

  static final String MESSAGES = "/api/v1/rooms/5f0c1e2d3c4b5a6978877665/chatMessages";
  final AtomicBoolean disconnected = new AtomicBoolean();
  final ServerSession session =
      (ServerSession)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {ServerSession.class},
              (proxy, method, args) -> {
                if (method.getName().equals("disconnect")) {
                  disconnected.set(true);
                }
                return method.getName().equals("getId") ? "client-1" : null;
              });

  static ServerMessage message(String channel, String json) {
    var message = new ServerMessageImpl();
    message.setChannel(channel);
    message.setData(new JSON.Literal(json));
    return message;
  }

  static ServerMessage chat(int n) {
    return message(MESSAGES, "{\"operation\":\"create\",\"model\":{\"id\":\"" + n + "\"}}");
  }

  static ServerMessage patch() {
    return message(MESSAGES, "{\"model\":{\"id\":\"1\",\"readBy\":1},\"operation\":\"patch\"}");
  }

  static ServerMessage presence() {
    return message("/api/v1/rooms/5f0c1e2d3c4b5a6978877665", "{\"notification\":\"presence\"}");
  }

  @Test
  void shedsEphemeralEventsToMakeRoomForChatMessages() {
    Queue<ServerMessage> queue = new ArrayDeque<>();
    queue.add(chat(1));
    queue.add(patch());
    queue.add(presence());

    boolean accepted = LocalClients.queueMaxed(session, queue, chat(2), 3);

    assertThat(accepted).isTrue();
    assertThat(queue).hasSize(1).allMatch(m -> !LocalClients.ephemeral(m));
    assertThat(disconnected).isFalse();
  }

  @Test
  void disconnectsAClientWhoseQueueIsFullOfChatMessages() {
    Queue<ServerMessage> queue = new ArrayDeque<>();
    for (int i = 0; i < 3; i++) {
      queue.add(chat(i));
    }

    boolean accepted = LocalClients.queueMaxed(session, queue, chat(9), 3);

    assertThat(accepted).isFalse();
    assertThat(disconnected).isTrue();
  }

  @Test
  void tellsChatMessagesFromEphemeralEvents() {
    assertThat(LocalClients.ephemeral(chat(1))).isFalse();
    assertThat(LocalClients.ephemeral(patch())).isTrue();
    assertThat(LocalClients.ephemeral(presence())).isTrue();
  }
}
