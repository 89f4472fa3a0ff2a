package org.gitterjakarta.tokens.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.gitterjakarta.users.entity.AccountRemoved;

/** A deleted account's tokens stop working at once, on every instance. */
@ApplicationScoped
public class TokenCleanup {

  @Inject TokenRepository tokens;
  @Inject TokenCache cache;

  void revokeAll(@Observes AccountRemoved removed) {
    tokens
        .findByUserId(removed.userId())
        .forEach(
            token -> {
              tokens.delete(token);
              cache.evict(token.tokenHash());
            });
  }
}
