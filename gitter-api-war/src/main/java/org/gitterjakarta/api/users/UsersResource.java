package org.gitterjakarta.api.users;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.users.boundary.Users;

/** {@code /v1/users/:username}: anybody's public profile. */
@RequestScoped
@Path("users")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

  @Inject Users users;

  @GET
  @Path("{username}")
  public UserProfileJson profile(@PathParam("username") String username) {
    return users
        .findByUsername(username)
        .map(UserProfileJson::of)
        .orElseThrow(() -> Problem.notFound("User not found"));
  }
}
