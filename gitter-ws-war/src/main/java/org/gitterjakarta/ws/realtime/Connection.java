package org.gitterjakarta.ws.realtime;

import org.cometd.bayeux.server.ServerSession;
import org.gitterjakarta.tokens.entity.TokenValues;

/**
 * Who is behind a Bayeux client: the person (null when anonymous) and the token they connected
 * with, kept on the CometD session from the handshake on.
 */
public record Connection(String userId, String token) {

  static final String ATTRIBUTE = Connection.class.getName();
  static final Connection ANONYMOUS = new Connection(null, null);

  static Connection of(ServerSession session) {
    Object value = session == null ? null : session.getAttribute(ATTRIBUTE);
    return value instanceof Connection connection ? connection : ANONYMOUS;
  }

  /** The hash a token is known by in revocations; null for anonymous readers. */
  String tokenHash() {
    return token == null || !TokenValues.isWellFormed(token) ? null : TokenValues.hash(token);
  }

  void attachTo(ServerSession session) {
    session.setAttribute(ATTRIBUTE, this);
  }
}
