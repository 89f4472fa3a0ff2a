package org.gitterjakarta.api.groups;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.gitterjakarta.api.requests.Bodies;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.communities.boundary.CommunityAdmins;
import org.gitterjakarta.communities.boundary.GroupSecurityJson;

/** {@code /v1/groups/:groupId/security}: the community's security descriptor, for its admins. */
@RequestScoped
@Path("groups/{groupId}/security")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GroupSecurityResource {

  @Inject CurrentCaller caller;
  @Inject CommunityAdmins admins;

  @GET
  public GroupSecurityJson show(@PathParam("groupId") String groupId) {
    return admins.security(caller.userId(), groupId);
  }

  /** {@code {type?, extraAdmins?: [userId]}}. */
  @PUT
  public GroupSecurityJson change(@PathParam("groupId") String groupId, JsonObject body) {
    String type = Bodies.optionalString(body, "type");
    return admins.change(
        caller.userId(),
        groupId,
        body.containsKey("type"),
        type,
        body.containsKey("extraAdmins") ? Bodies.strings(body, "extraAdmins") : null);
  }
}
