package org.gitterjakarta.api.users;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.api.security.OwnUser;
import org.gitterjakarta.communities.boundary.GroupJson;
import org.gitterjakarta.communities.boundary.Groups;
import org.gitterjakarta.problems.Problem;

/** {@code /v1/user/:userId/groups}: the caller's communities, and marking one as favourite. */
@RequestScoped
@Path("user/{userId}/groups")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserGroupsResource {

  @Inject CurrentCaller caller;
  @Inject Groups groups;

  @PathParam("userId")
  String userId;

  @GET
  public List<GroupJson> index() {
    return groups.viewsFor(OwnUser.check(caller, userId));
  }

  /** {@code {favourite: position | true | false}}. */
  @PATCH
  @Path("{groupId}")
  public GroupJson favourite(@PathParam("groupId") String groupId, JsonObject body) {
    String me = OwnUser.check(caller, userId);
    Integer position = body == null ? null : Favourites.of(body);
    if (position == null) {
      throw Problem.invalid("favourite is required");
    }
    return groups.favourite(me, groupId, position);
  }
}
