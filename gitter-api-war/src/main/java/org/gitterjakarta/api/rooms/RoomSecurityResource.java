package org.gitterjakarta.api.rooms;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.gitterjakarta.api.requests.Bodies;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.moderation.boundary.RoomAdmins;
import org.gitterjakarta.moderation.boundary.SecurityJson;
import org.gitterjakarta.users.boundary.UserJson;

/** {@code /v1/rooms/:roomId/security}: the security descriptor and the room's extra admins. */
@RequestScoped
@Path("rooms/{roomId}/security")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoomSecurityResource {

  @Inject CurrentCaller caller;
  @Inject RoomAdmins admins;

  @PathParam("roomId")
  String roomId;

  @GET
  public SecurityJson show() {
    return admins.security(caller.userId(), roomId);
  }

  /** {@code {type?, extraAdmins?: [userId]}}. */
  @PUT
  public SecurityJson change(JsonObject body) {
    return admins.change(
        caller.userId(),
        roomId,
        Bodies.optionalString(body, "type"),
        body.containsKey("extraAdmins") ? Bodies.strings(body, "extraAdmins") : null);
  }

  @GET
  @Path("extraAdmins")
  public List<UserJson> extraAdmins() {
    return admins.extraAdmins(caller.userId(), roomId);
  }

  /** {@code {id: userId}}. */
  @POST
  @Path("extraAdmins")
  public UserJson addExtraAdmin(JsonObject body) {
    return admins.addExtraAdmin(caller.userId(), roomId, Bodies.requiredString(body, "id"));
  }

  @DELETE
  @Path("extraAdmins/{userId}")
  public Response removeExtraAdmin(@PathParam("userId") String userId) {
    admins.removeExtraAdmin(caller.userId(), roomId, userId);
    return Response.noContent().build();
  }
}
