package org.gitterjakarta.ws.realtime;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;

/**
 * Stamps each data message delivered to one client with {@code ext.c}, that client's sequence 1, 2,
 * 3...: a gap tells the client it lost something and must resynchronise. The delivered copy shares
 * the data (serialised once); only its envelope is the client's own.
 */
final class ClientSequence implements ServerSession.Extension {

  private final BayeuxServer bayeux;
  private final AtomicLong counter = new AtomicLong();

  ClientSequence(BayeuxServer bayeux) {
    this.bayeux = bayeux;
  }

  @Override
  public ServerMessage send(ServerSession sender, ServerSession session, ServerMessage message) {
    if (message.isMeta() || message.getData() == null) {
      return message;
    }
    ServerMessage.Mutable copy = bayeux.newMessage();
    copy.putAll(message);
    Map<String, Object> ext =
        message.getExt() == null ? new HashMap<>() : new HashMap<>(message.getExt());
    ext.put("c", counter.incrementAndGet());
    copy.put(Message.EXT_FIELD, ext);
    return copy;
  }
}
