package org.gitterjakarta.tokens.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.gitterjakarta.events.control.Revocations;
import org.gitterjakarta.events.entity.Revocation;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.tokens.control.TokenCache;
import org.gitterjakarta.tokens.control.TokenRepository;
import org.gitterjakarta.tokens.entity.AccessToken;
import org.gitterjakarta.tokens.entity.Caller;
import org.gitterjakarta.tokens.entity.IssuedToken;
import org.gitterjakarta.tokens.entity.TokenValues;
import org.gitterjakarta.users.boundary.Users;

/** Issuing, resolving and revoking API tokens. */
@Stateless
public class Tokens {

  private static final System.Logger LOGGER = System.getLogger(Tokens.class.getName());
  static final int MAX_NAME_LENGTH = 100;

  /** The OAuth client a warm-up token counts as; no registered client has this id. */
  public static final String WARM_UP_CLIENT = "warm-up";

  static final Duration WARM_UP_TTL = Duration.ofMinutes(2);

  @Inject TokenRepository repository;
  @Inject TokenCache cache;
  @Inject Users users;
  @Inject Revocations revocations;

  public IssuedToken issuePersonal(String userId, String name) {
    return issue(userId, AccessToken.PERSONAL, name);
  }

  public IssuedToken issue(String userId, String clientId, String name) {
    if (users.find(userId).isEmpty()) {
      throw Problem.notFound("User not found");
    }
    String label = name == null || name.isBlank() ? "Personal access token" : name.trim();
    if (label.length() > MAX_NAME_LENGTH) {
      throw Problem.invalid("Token name is too long");
    }
    String value = TokenValues.generate();
    var token =
        new AccessToken(
            new ObjectId().toHexString(),
            TokenValues.hash(value),
            userId,
            clientId == null ? AccessToken.PERSONAL : clientId,
            label,
            System.currentTimeMillis());
    repository.insert(token);
    LOGGER.log(System.Logger.Level.INFO, "Token {0} issued to user {1}", token.id(), userId);
    return new IssuedToken(value, token);
  }

  /**
   * A token for an instance's warm-up requests to its own API, before it is ready: known only to
   * the token cache, for {@link #WARM_UP_TTL} at most, never stored nor shown, and counted as the
   * {@link #WARM_UP_CLIENT} (its own rate-limit window). {@link #forgetWarmUpToken} ends it as soon
   * as the requests are done. Empty while Redis is away (the cache then takes nothing).
   */
  // no transaction: nothing of it is in MongoDB
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Optional<String> issueWarmUpToken(String userId) {
    String value = TokenValues.generate();
    String hash = TokenValues.hash(value);
    cache.put(hash, new Caller(userId, WARM_UP_CLIENT), WARM_UP_TTL.toSeconds());
    Optional<String> issued = cache.find(hash).map(cached -> value);
    issued.ifPresent(
        cached ->
            LOGGER.log(
                System.Logger.Level.INFO,
                "Warm-up token issued for user {0} (in the token cache only, {1} s at most)",
                userId,
                WARM_UP_TTL.toSeconds()));
    return issued;
  }

  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void forgetWarmUpToken(String value) {
    cache.evict(TokenValues.hash(value));
  }

  /** The caller a token speaks for; empty for malformed, unknown or revoked tokens. */
  // read on every request: no transaction begun and ended for it (MongoDB takes no part in JTA)
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Optional<Caller> resolve(String value) {
    if (!TokenValues.isWellFormed(value)) {
      return Optional.empty();
    }
    String hash = TokenValues.hash(value);
    return cache
        .find(hash)
        .or(
            () -> {
              Optional<Caller> stored =
                  repository
                      .findByTokenHash(hash)
                      .map(token -> new Caller(token.userId(), token.clientId()));
              stored.ifPresent(caller -> cache.put(hash, caller));
              return stored;
            });
  }

  /**
   * The caller of a browser session's token: a personal token of that name, issued less than {@code
   * maxAge} ago and not revoked. Read from the store, so a revocation anywhere counts at once.
   */
  public Optional<Caller> resolveSession(String value, String name, java.time.Duration maxAge) {
    if (!TokenValues.isWellFormed(value)) {
      return Optional.empty();
    }
    long oldest = System.currentTimeMillis() - maxAge.toMillis();
    return repository
        .findByTokenHash(TokenValues.hash(value))
        .filter(token -> token.isPersonal() && name.equals(token.name()))
        .filter(token -> token.createdAt() > oldest)
        .map(token -> new Caller(token.userId(), token.clientId()));
  }

  /** Revokes the token of this value, if there is one (signing out). */
  public void revokeValue(String value) {
    if (TokenValues.isWellFormed(value)) {
      repository.findByTokenHash(TokenValues.hash(value)).ifPresent(this::forget);
    }
  }

  public List<AccessToken> list(String userId) {
    return repository.findByUserId(userId);
  }

  /** Revokes one of the user's own tokens; it stops working at once on every instance. */
  public void revoke(String userId, String tokenId) {
    AccessToken token =
        repository
            .findById(tokenId)
            .filter(t -> t.userId().equals(userId))
            .orElseThrow(() -> Problem.notFound("Token not found"));
    forget(token);
    LOGGER.log(System.Logger.Level.INFO, "Token {0} of user {1} revoked", tokenId, userId);
  }

  /** Every token of one user for one app: the app gets a fresh one per grant. */
  public void revokeAll(String userId, String clientId) {
    repository.findByUserIdAndClientId(userId, clientId).forEach(this::forget);
  }

  /** Every token of an app, when the app is deleted. */
  public void revokeClient(String clientId) {
    repository.findByClientId(clientId).forEach(this::forget);
  }

  private void forget(AccessToken token) {
    repository.delete(token);
    cache.evict(token.tokenHash());
    revocations.announce(Revocation.ofToken(token.tokenHash()));
  }
}
