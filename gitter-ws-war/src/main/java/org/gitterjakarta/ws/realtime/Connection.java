package org.gitterjakarta.ws.realtime;

import org.cometd.bayeux.server.ServerSession;
import org.gitterjakarta.tokens.entity.TokenValues;

/**
 * Who is behind a Bayeux client: the person (null when anonymous), the token they connected with
 * and its hash (what revocations name it by, worked out once at the handshake), kept on the CometD
 * session from the handshake on.
 */
public record Connection(String userId, String token, String tokenHash) {

  static final String ATTRIBUTE = Connection.class.getName();
  static final Connection ANONYMOUS = new Connection(null, null, null);

  static Connection of(String userId, String token) {
    return new Connection(userId, token, TokenValues.hash(token));
  }

  static Connection of(ServerSession session) {
    Object value = session == null ? null : session.getAttribute(ATTRIBUTE);
    return value instanceof Connection connection ? connection : ANONYMOUS;
  }

  void attachTo(ServerSession session) {
    session.setAttribute(ATTRIBUTE, this);
  }
}
