package org.gitterjakarta.api.rooms;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.memberships.boundary.Memberships;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.users.boundary.Users;

/** {@code /v1/rooms/:roomId/users}: members, adding people, leaving and kicking. */
@RequestScoped
@Path("rooms/{roomId}/users")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoomUsersResource {

  @Inject CurrentCaller caller;
  @Inject Memberships memberships;
  @Inject Users users;

  @PathParam("roomId")
  String roomId;

  /**
   * Members, oldest first; {@code q} turns it into the typeahead of members by name. Any value of
   * {@code lean} (even "false", as on Gitter) asks for lean users.
   */
  @GET
  public List<UserJson> index(
      @QueryParam("skip") @DefaultValue("0") int skip,
      @QueryParam("limit") @DefaultValue("30") int limit,
      @QueryParam("q") String q,
      @QueryParam("lean") String lean) {
    if (skip < 0) {
      throw Problem.invalid("skip must not be negative");
    }
    if (q != null) {
      return memberships.searchMembers(caller.userId(), roomId, q, limit);
    }
    List<UserJson> members = memberships.members(caller.userId(), roomId, skip, limit);
    return lean == null || lean.isEmpty() ? members : members.stream().map(UserJson::lean).toList();
  }

  @POST
  public UserJson add(@Valid UsernameBody body) {
    return memberships.add(caller.userId(), roomId, body.username());
  }

  /** Leave (your own id) or kick (admins); {@code ?type=username} takes a username instead. */
  @DELETE
  @Path("{userId}")
  public Map<String, Boolean> remove(
      @PathParam("userId") String userId, @QueryParam("type") String type) {
    String id =
        "username".equals(type)
            ? users
                .findByUsername(userId)
                .orElseThrow(() -> Problem.notFound("User not found"))
                .id()
            : userId;
    memberships.remove(caller.userId(), roomId, id);
    return Map.of("success", true);
  }
}
