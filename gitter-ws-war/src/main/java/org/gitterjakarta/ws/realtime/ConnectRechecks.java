package org.gitterjakarta.ws.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;

/** Has each client's access checked again from time to time, as its {@code /meta/connect}s come. */
@ApplicationScoped
public class ConnectRechecks implements BayeuxServer.Extension {

  @Inject AccessRevoker revoker;

  @Override
  public boolean rcvMeta(ServerSession from, ServerMessage.Mutable message) {
    if (from != null
        && !from.isLocalSession()
        && Channel.META_CONNECT.equals(message.getChannel())) {
      revoker.connected(from);
    }
    return true;
  }
}
