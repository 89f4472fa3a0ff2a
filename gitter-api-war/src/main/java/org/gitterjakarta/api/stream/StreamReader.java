package org.gitterjakarta.api.stream;

import org.gitterjakarta.tokens.entity.TokenValues;

/**
 * Who reads a stream, and of which room: what a revocation or a periodic check looks at. The
 * token's hash, which revocations name it by, is worked out once.
 */
record StreamReader(String userId, String token, String tokenHash, String roomId) {

  static StreamReader of(String userId, String token, String roomId) {
    return new StreamReader(userId, token, TokenValues.hash(token), roomId);
  }
}
