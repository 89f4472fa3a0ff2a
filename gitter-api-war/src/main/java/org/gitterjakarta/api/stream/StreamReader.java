package org.gitterjakarta.api.stream;

import org.gitterjakarta.tokens.entity.TokenValues;

/** Who reads a stream, and of which room: what a revocation or a periodic check looks at. */
record StreamReader(String userId, String token, String roomId) {

  String tokenHash() {
    return TokenValues.isWellFormed(token) ? TokenValues.hash(token) : null;
  }
}
