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
import java.util.List;
import org.gitterjakarta.api.requests.Bodies;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.memberships.boundary.Memberships;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.users.boundary.UserJson;

/**
 * {@code /v1/rooms/:roomId/invites}: inviting a person by Gitter username adds them at once, as
 * Gitter does for existing accounts. Invites by email wait for mail; GitHub, GitLab and Twitter
 * names do not exist here.
 */
@RequestScoped
@Path("rooms/{roomId}/invites")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoomInvitesResource {

  @Inject CurrentCaller caller;
  @Inject Memberships memberships;
  @Inject Rooms rooms;

  @PathParam("roomId")
  String roomId;

  /** Pending invites: none while invites by email do not exist. */
  @GET
  public List<Object> index() {
    rooms.readable(caller.userId(), roomId);
    return List.of();
  }

  /** {@code {username}} or {@code {type: "gitter", externalId}}. */
  @POST
  public InviteJson invite(JsonObject body) {
    UserJson added = memberships.add(caller.userId(), roomId, username(body));
    return new InviteJson("added", added, added.avatarUrl());
  }

  /** Gitter's answer: what happened, the person, their avatar. */
  public record InviteJson(String status, UserJson user, String avatarUrl) {}

  private static String username(JsonObject body) {
    String type = Bodies.optionalString(body, "type");
    boolean byName = type == null ? body.containsKey("username") : "gitter".equals(type);
    if ("email".equals(type) || (type == null && !byName && body.containsKey("email"))) {
      throw Problem.invalid("Invites by email are not available yet: invite a Gitter username");
    }
    if (!byName && (type != null || body.keySet().stream().anyMatch(k -> k.endsWith("Username")))) {
      throw Problem.invalid("Only Gitter usernames can be invited");
    }
    return Bodies.requiredString(body, type == null ? "username" : "externalId");
  }
}
