package org.gitterjakarta.api.rooms;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.gitterjakarta.api.requests.Bodies;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.rooms.boundary.WelcomeMessageJson;
import org.gitterjakarta.rooms.boundary.WelcomeMessages;

/** {@code /v1/rooms/:roomId/meta}: the room's welcome message. */
@RequestScoped
@Path("rooms/{roomId}/meta")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoomMetaResource {

  @Inject CurrentCaller caller;
  @Inject WelcomeMessages welcome;

  @PathParam("roomId")
  String roomId;

  @GET
  public WelcomeMessageJson show() {
    return welcome.get(caller.userId(), roomId);
  }

  /** {@code {welcomeMessage: markdown}}; admins only. */
  @POST
  public WelcomeMessageJson update(JsonObject body) {
    return welcome.set(caller.userId(), roomId, Bodies.optionalString(body, "welcomeMessage"));
  }
}
