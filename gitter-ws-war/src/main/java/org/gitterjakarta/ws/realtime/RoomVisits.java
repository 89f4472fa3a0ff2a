package org.gitterjakarta.ws.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.cometd.bayeux.server.ServerSession;
import org.gitterjakarta.memberships.boundary.Memberships;
import org.gitterjakarta.presence.boundary.Presence;
import org.gitterjakarta.problems.Problem;

/**
 * A subscription under {@code /api/v1/rooms/:roomId} is a visit: the socket's presence moves to
 * that room ({@code ext.reassociate.eyeballs}, on unless 0) and a member's last access is now.
 */
@ApplicationScoped
public class RoomVisits {

  private static final System.Logger LOGGER = System.getLogger(RoomVisits.class.getName());

  @Inject Presence presence;
  @Inject Memberships memberships;

  void arrived(ServerSession session, String roomId, Map<String, Object> ext) {
    String userId = Connection.of(session).userId();
    if (userId == null) {
      return;
    }
    presence.lookingAt(session.getId(), roomId, eyeballs(ext));
    try {
      memberships.accessed(userId, roomId, System.currentTimeMillis());
    } catch (Problem notAMember) {
      LOGGER.log(System.Logger.Level.TRACE, "Visit of a non-member: {0}", notAMember.getMessage());
    }
  }

  private static boolean eyeballs(Map<String, Object> ext) {
    Object reassociate = ext == null ? null : ext.get("reassociate");
    if (reassociate instanceof Map<?, ?> options && options.get("eyeballs") != null) {
      Object value = options.get("eyeballs");
      return !(value.equals(0L) || value.equals(0) || Boolean.FALSE.equals(value));
    }
    return true;
  }
}
