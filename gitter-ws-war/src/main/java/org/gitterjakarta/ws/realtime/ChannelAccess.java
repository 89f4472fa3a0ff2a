package org.gitterjakarta.ws.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.ws.realtime.BayeuxChannel.Refused;
import org.gitterjakarta.ws.realtime.BayeuxChannel.RoomChannel;
import org.gitterjakarta.ws.realtime.BayeuxChannel.TokenChannel;
import org.gitterjakarta.ws.realtime.BayeuxChannel.UserChannel;

/**
 * Who may subscribe to what: room channels need read permission on the room (public rooms anyone,
 * anonymous included), personal channels only their person, token channels only the token's holder.
 * The answer is empty when allowed, else the Bayeux error to reply.
 */
@ApplicationScoped
public class ChannelAccess {

  static final String DENIED = "403::Authorisation denied.";

  @Inject Rooms rooms;

  public Optional<String> refusal(Connection connection, BayeuxChannel channel) {
    if (channel instanceof Refused refused) {
      return Optional.of(refused.error());
    }
    if (channel instanceof RoomChannel room) {
      return readable(connection.userId(), room.roomId());
    }
    if (channel instanceof UserChannel user) {
      boolean self = connection.userId() != null && connection.userId().equals(user.userId());
      return self ? Optional.empty() : Optional.of(DENIED);
    }
    if (channel instanceof TokenChannel token) {
      return token.token().equals(connection.token()) ? Optional.empty() : Optional.of(DENIED);
    }
    return Optional.empty();
  }

  private Optional<String> readable(String userId, String roomId) {
    try {
      rooms.readable(userId, roomId);
      return Optional.empty();
    } catch (Problem refused) {
      return Optional.of(DENIED);
    }
  }
}
