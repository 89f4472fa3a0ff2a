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
import org.gitterjakarta.integrations.boundary.EventJson;
import org.gitterjakarta.integrations.boundary.RoomEvents;
import org.gitterjakarta.problems.Problem;

/**
 * {@code GET /v1/rooms/:roomId/events}: a room's activity feed (Gitter's integration events, newest
 * first), for everyone who may read the room; {@code beforeId} pages back from an event.
 */
@RequestScoped
@Path("rooms/{roomId}/events")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RoomEventsResource {

  static final int MAX_LIMIT = 100;
  static final int MAX_SKIP = 5000;

  @Inject CurrentCaller caller;
  @Inject RoomEvents events;

  @GET
  public List<EventJson> index(
      @PathParam("roomId") String roomId,
      @QueryParam("skip") @DefaultValue("0") int skip,
      @QueryParam("limit") @DefaultValue("50") int limit,
      @QueryParam("beforeId") String beforeId) {
    if (skip < 0 || skip > MAX_SKIP || limit < 1 || limit > MAX_LIMIT) {
      throw Problem.invalid("limit must be 1 to " + MAX_LIMIT + ", skip 0 to " + MAX_SKIP);
    }
    if (beforeId != null) {
      IdParameters.check("beforeId", beforeId);
    }
    return events.list(caller.userId(), roomId, skip, limit, beforeId);
  }
}
