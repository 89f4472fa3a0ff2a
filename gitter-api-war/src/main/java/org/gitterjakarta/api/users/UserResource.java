package org.gitterjakarta.api.users;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.users.boundary.UserJson;

/** {@code /v1/user}: the signed-in caller. */
@RequestScoped
@Path("user")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

  @Inject CurrentCaller caller;

  /** node-gitter takes element 0 of this array. */
  @GET
  public List<UserJson> current() {
    return List.of(UserJson.self(caller.user()));
  }
}
