package org.gitterjakarta.api.users;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.users.boundary.Users;

/** {@code /v1/user}: the signed-in caller. */
@RequestScoped
@Path("user")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

  @Inject CurrentCaller caller;

  @Inject Users users;

  /**
   * The caller as an array of one (node-gitter takes element 0), or with {@code ?q=term} a people
   * search answered as {@code {results: [User]}}.
   */
  @GET
  public Object index(
      @QueryParam("q") String q, @QueryParam("limit") @DefaultValue("10") int limit) {
    if (q == null) {
      return List.of(UserJson.self(caller.user()));
    }
    return Map.of("results", users.search(q, limit).stream().map(UserJson::of).toList());
  }
}
