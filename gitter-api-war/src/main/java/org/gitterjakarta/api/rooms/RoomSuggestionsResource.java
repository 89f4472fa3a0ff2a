package org.gitterjakarta.api.rooms;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.roomviews.boundary.SuggestedRooms;

/** {@code GET /v1/rooms/:roomId/suggestedRooms}: rooms for the reader of this one to join next. */
@RequestScoped
@Path("rooms/{roomId}/suggestedRooms")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RoomSuggestionsResource {

  @Inject CurrentCaller caller;
  @Inject SuggestedRooms suggestions;

  @GET
  public List<SuggestedRoomJson> index(@PathParam("roomId") String roomId) {
    return SuggestedRoomJson.of(suggestions.forRoom(caller.userId(), roomId));
  }
}
