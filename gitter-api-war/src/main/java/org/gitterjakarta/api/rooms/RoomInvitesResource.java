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
import org.gitterjakarta.mail.boundary.MailInvites;
import org.gitterjakarta.memberships.boundary.Memberships;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.users.boundary.UserJson;

/**
 * {@code /v1/rooms/:roomId/invites}: inviting a person by Gitter username adds them at once, as
 * Gitter does for existing accounts. An invite by email mails the address a link to the room
 * ({@code status: "invited"}), whoever owns it: the answer never tells who that is. GitHub, GitLab
 * and Twitter names do not exist here.
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
  @Inject MailInvites mailInvites;

  @PathParam("roomId")
  String roomId;

  /**
   * Pending invites: none are kept. An invite by email is a mail with the room's address; whoever
   * follows it signs up and joins like anyone else.
   */
  @GET
  public List<Object> index() {
    rooms.readable(caller.userId(), roomId);
    return List.of();
  }

  /**
   * {@code {username}}, {@code {type: "gitter", externalId}}, {@code {type: "email", emailAddress}}
   * (or {@code externalId}), or the legacy {@code {email}}.
   */
  @POST
  public InviteJson invite(JsonObject body) {
    if (body == null) {
      throw Problem.invalid("A JSON body is required");
    }
    String address = emailAddress(body);
    if (address != null) {
      var invited = mailInvites.invite(caller.userId(), roomId, address);
      UserJson user = invited.user().orElse(null);
      return new InviteJson(invited.status(), user, user == null ? null : user.avatarUrl());
    }
    UserJson added = memberships.add(caller.userId(), roomId, username(body));
    return new InviteJson("added", added, added.avatarUrl());
  }

  /** The address of an invite by email, or null for any other kind. */
  private static String emailAddress(JsonObject body) {
    String type = Bodies.optionalString(body, "type");
    if ("email".equals(type)) {
      String address = Bodies.optionalString(body, "emailAddress");
      return address != null ? address : Bodies.requiredString(body, "externalId");
    }
    if (type == null && !body.containsKey("username") && body.containsKey("email")) {
      return Bodies.requiredString(body, "email");
    }
    return null;
  }

  /** Gitter's answer: what happened, the person, their avatar. */
  public record InviteJson(String status, UserJson user, String avatarUrl) {}

  private static String username(JsonObject body) {
    String type = Bodies.optionalString(body, "type");
    boolean byName = type == null ? body.containsKey("username") : "gitter".equals(type);
    if (!byName && (type != null || body.keySet().stream().anyMatch(k -> k.endsWith("Username")))) {
      throw Problem.invalid("Only Gitter usernames can be invited");
    }
    return Bodies.requiredString(body, type == null ? "username" : "externalId");
  }
}
