package org.gitterjakarta.api.rooms;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.moderation.boundary.BanJson;
import org.gitterjakarta.moderation.boundary.Bans;
import org.gitterjakarta.problems.Problem;

/** {@code /v1/rooms/:roomId/bans}: who is banned, banning and unbanning; room admins only. */
@RequestScoped
@Path("rooms/{roomId}/bans")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoomBansResource {

  @Inject CurrentCaller caller;
  @Inject Bans bans;

  @PathParam("roomId")
  String roomId;

  @GET
  public List<BanJson> index() {
    return bans.list(caller.userId(), roomId);
  }

  /**
   * {@code {username, removeMessages?}}; in a private room the person is only removed: 202 {@code
   * {removed: true}}.
   */
  @POST
  public Response ban(@Valid UsernameBody body) {
    if (body.virtualUser() != null) {
      throw Problem.invalid("Virtual users do not exist here");
    }
    return bans.ban(
            caller.userId(), roomId, body.username(), Boolean.TRUE.equals(body.removeMessages()))
        .map(ban -> Response.ok(ban).build())
        .orElseGet(() -> Response.accepted(Map.of("removed", true)).build());
  }

  @GET
  @Path("{username}")
  public BanJson show(@PathParam("username") String username) {
    return bans.get(caller.userId(), roomId, username);
  }

  @DELETE
  @Path("{username}")
  public Map<String, Boolean> unban(@PathParam("username") String username) {
    bans.unban(caller.userId(), roomId, username);
    return Map.of("success", true);
  }
}
