package org.gitterjakarta.ws.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.cometd.bayeux.ChannelId;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.SecurityPolicy;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.gitterjakarta.tokens.boundary.Tokens;

/**
 * Gitter's rules for Bayeux clients: a handshake with {@code ext.token} becomes that person (no
 * token: an anonymous reader of public rooms, a choice of ours where Gitter required a token; a
 * token that is not a string: {@code 401::Access token required}; an unknown or revoked one: {@code
 * 401::Invalid access token}); subscriptions follow {@link ChannelAccess}; clients publish only to
 * {@code /api/v1/ping2} and, where they may write, to a room's typing channel ({@link
 * TypingNotices}). Server-side sessions may do anything; the {@link RealtimeWarmUp}'s clients
 * subscribe to its channel while it runs.
 */
@ApplicationScoped
public class GitterSecurityPolicy implements SecurityPolicy {

  static final String PING = "/api/v1/ping2";
  static final String NO_TOKEN = "401::Access token required";
  static final String BAD_TOKEN = "401::Invalid access token";
  static final String PUSH_DENIED = "403::Push access denied";
  static final String TOO_MANY_SUBSCRIPTIONS = "429::Too many subscriptions";
  static final String SNAPSHOTS_SPENT = "429::Too many snapshots, retry in a few seconds";

  /** More than any client follows live (Gitter's web client: a few channels per open room). */
  static final int MAX_SUBSCRIPTIONS = 200;

  @Inject Tokens tokens;
  @Inject ChannelAccess access;
  @Inject SnapshotBudget budget;
  @Inject TypingNotices typing;
  @Inject RealtimeWarmUp warmUp;

  @Override
  public void canHandshake(
      BayeuxServer server, ServerSession session, ServerMessage message, Promise<Boolean> promise) {
    if (session.isLocalSession()) {
      promise.succeed(true);
      return;
    }
    Map<String, Object> ext = message.getExt();
    Object token = ext == null ? null : ext.get("token");
    if (token == null) {
      Connection.ANONYMOUS.attachTo(session);
      promise.succeed(true);
      return;
    }
    if (!(token instanceof String value) || value.isBlank()) {
      Denials.note(message, NO_TOKEN);
      promise.succeed(false);
      return;
    }
    Optional<Connection> caller = tokens.resolve(value).map(c -> Connection.of(c.userId(), value));
    caller.ifPresent(c -> c.attachTo(session));
    if (caller.isEmpty()) {
      Denials.note(message, BAD_TOKEN);
    }
    promise.succeed(caller.isPresent());
  }

  @Override
  public void canCreate(
      BayeuxServer server,
      ServerSession session,
      String channelId,
      ServerMessage message,
      Promise<Boolean> promise) {
    if (session == null
        || session.isLocalSession()
        || ChannelId.isMeta(channelId)
        || warmUp.admits(channelId)) {
      promise.succeed(true);
      return;
    }
    if (PING.equals(channelId) || TypingNotices.isTyping(channelId)) {
      promise.succeed(true);
      return;
    }
    if (ChannelId.isBroadcast(channelId) && !message.getChannel().equals("/meta/subscribe")) {
      Denials.note(message, PUSH_DENIED);
      promise.succeed(false);
      return;
    }
    if (BayeuxChannel.parse(channelId) instanceof BayeuxChannel.Refused refused) {
      Denials.note(message, refused.error());
      promise.succeed(false);
      return;
    }
    promise.succeed(true);
  }

  @Override
  public void canSubscribe(
      BayeuxServer server,
      ServerSession session,
      ServerChannel channel,
      ServerMessage message,
      Promise<Boolean> promise) {
    if (session.isLocalSession() || warmUp.admits(channel.getId())) {
      promise.succeed(true);
      return;
    }
    Optional<String> refusal = bounds(session, channel);
    if (refusal.isEmpty()) {
      refusal = access.refusal(Connection.of(session), BayeuxChannel.parse(channel.getId()));
    }
    refusal.ifPresent(error -> Denials.note(message, error));
    promise.succeed(refusal.isEmpty());
  }

  private Optional<String> bounds(ServerSession session, ServerChannel channel) {
    if (session.getSubscriptions().size() >= MAX_SUBSCRIPTIONS
        && !session.getSubscriptions().contains(channel)) {
      return Optional.of(TOO_MANY_SUBSCRIPTIONS);
    }
    return budget.allows(session) ? Optional.empty() : Optional.of(SNAPSHOTS_SPENT);
  }

  @Override
  public void canPublish(
      BayeuxServer server,
      ServerSession session,
      ServerChannel channel,
      ServerMessage message,
      Promise<Boolean> promise) {
    if (session != null && session.isLocalSession() || PING.equals(channel.getId())) {
      promise.succeed(true);
      return;
    }
    if (session != null && TypingNotices.isTyping(channel.getId())) {
      Optional<String> refusal = typing.refusal(session, channel.getId(), message);
      refusal.ifPresent(error -> Denials.note(message, error));
      promise.succeed(refusal.isEmpty());
      return;
    }
    Denials.note(message, PUSH_DENIED);
    promise.succeed(false);
  }
}
