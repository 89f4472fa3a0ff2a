package org.gitterjakarta.api.rooms;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.gitterjakarta.api.requests.IdParameters;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;

/**
 * {@code GET /v1/rooms/:roomId/events}: a room's activity feed (Gitter's integration events, newest
 * first). Integrations do not exist yet, so it is empty for everyone who may read the room.
 */
@RequestScoped
@Path("rooms/{roomId}/events")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RoomEventsResource {

  static final int MAX_LIMIT = 100;

  @Inject CurrentCaller caller;
  @Inject Rooms rooms;

  @GET
  public List<Object> index(
      @PathParam("roomId") String roomId,
      @QueryParam("skip") @DefaultValue("0") int skip,
      @QueryParam("limit") @DefaultValue("50") int limit,
      @QueryParam("beforeId") String beforeId) {
    if (skip < 0 || limit < 1 || limit > MAX_LIMIT) {
      throw Problem.invalid("limit must be 1 to " + MAX_LIMIT + ", skip not negative");
    }
    if (beforeId != null) {
      IdParameters.check("beforeId", beforeId);
    }
    rooms.readable(caller.userId(), roomId);
    return List.of();
  }
}
