package org.gitterjakarta.api.errors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;

/**
 * Gitter hides no existing room from the signed in: where the domain calls a room someone may not
 * read "not found", they get 403 (a private room, a room they are banned from); anonymous readers
 * and rooms that do not exist stay 404. Worked out only on that failure, so successful calls pay
 * nothing for it.
 */
@ApplicationScoped
public class RoomRefusals {

  @Inject Rooms rooms;

  public Problem asGitterWould(Problem problem, String roomId, String userId) {
    if (problem.kind() != Problem.Kind.NOT_FOUND || roomId == null || userId == null) {
      return problem;
    }
    boolean unreadable =
        rooms.find(roomId).map(room -> !rooms.accessOf(userId, room).read()).orElse(false);
    return unreadable ? Problem.notAllowed("You do not have access to this room") : problem;
  }
}
