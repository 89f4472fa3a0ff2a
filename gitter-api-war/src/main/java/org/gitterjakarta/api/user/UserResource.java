package org.gitterjakarta.api.user;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.gitterjakarta.api.security.Authenticated;

/** {@code /v1/user}: the signed-in caller. */
@RequestScoped
@Path("user")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

  @GET
  public Object current() {
    // reached only with a resolved caller; see TokenAuthenticationFilter
    throw new NotAuthorizedException("Bearer");
  }
}
