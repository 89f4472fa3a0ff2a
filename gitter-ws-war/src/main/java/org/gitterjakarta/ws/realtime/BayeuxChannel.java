package org.gitterjakarta.ws.realtime;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a channel of Gitter's realtime API is about: a room, a person's own channel, a token, a
 * keep-alive. Parsing decides nothing about permissions; it names the target, or says why the
 * channel cannot be subscribed at all (404 unknown, 400 malformed id), in Gitter's words.
 */
public sealed interface BayeuxChannel {

  /** {@code /api/v1/rooms/:roomId[/:resource[/...]]}; resource is empty for the room itself. */
  record RoomChannel(String roomId, String resource, String rest) implements BayeuxChannel {}

  /**
   * {@code /api/v1/user/:userId[/rooms|groups|orgs]} and {@code
   * /api/v1/user/:userId/rooms/:roomId/unreadItems} (resource {@code unreadItems}).
   */
  record UserChannel(String userId, String resource, String roomId) implements BayeuxChannel {}

  /** {@code /api/v1/token/:token}: only the token's own holder. */
  record TokenChannel(String token) implements BayeuxChannel {}

  /** Keep-alive and diagnostics channels anyone connected may use. */
  record OpenChannel(String name) implements BayeuxChannel {}

  /** A channel nobody may subscribe, with the error to answer. */
  record Refused(String error) implements BayeuxChannel {}

  static BayeuxChannel parse(String channel) {
    if (channel == null) {
      return new Refused("404::Unknown subscription null");
    }
    Matcher room = Patterns.ROOM.matcher(channel);
    if (room.matches()) {
      if (!Patterns.isId(room.group(1))) {
        return new Refused("400::Invalid ID");
      }
      return new RoomChannel(
          room.group(1),
          Optional.ofNullable(room.group(2)).orElse(""),
          Optional.ofNullable(room.group(3)).orElse(""));
    }
    Matcher user = Patterns.USER.matcher(channel);
    if (user.matches()) {
      String roomId = user.group(3);
      if (!Patterns.isId(user.group(1)) || (roomId != null && !Patterns.isId(roomId))) {
        return new Refused("400::Invalid ID");
      }
      String resource = Optional.ofNullable(user.group(2)).orElse("");
      return new UserChannel(
          user.group(1),
          roomId != null ? "unreadItems" : resource.equals("troupes") ? "rooms" : resource,
          roomId);
    }
    Matcher token = Patterns.TOKEN.matcher(channel);
    if (token.matches()) {
      return new TokenChannel(token.group(1));
    }
    if (Patterns.OPEN.matcher(channel).matches()) {
      return new OpenChannel(channel);
    }
    return new Refused("404::Unknown subscription " + channel);
  }

  /** The channel shapes Gitter clients subscribe to. */
  final class Patterns {
    static final Pattern ROOM = Pattern.compile("/api/v1/rooms/([^/]+)(?:/(\\w+)(/.*)?)?");
    static final Pattern USER =
        Pattern.compile(
            "/api/v1/user/([^/]+)(?:/(rooms|troupes|groups|orgs)(?:/([^/]+)/unreadItems)?)?");
    static final Pattern TOKEN = Pattern.compile("/api/v1/token/(\\w+)");
    static final Pattern OPEN = Pattern.compile("/api/v1/ping(?:/\\w+)?|/api/private/diagnostics");
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{24}");

    private Patterns() {}

    static boolean isId(String id) {
      return OBJECT_ID.matcher(id).matches();
    }
  }
}
