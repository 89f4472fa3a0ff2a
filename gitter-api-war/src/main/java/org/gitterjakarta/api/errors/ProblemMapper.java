package org.gitterjakarta.api.errors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.problems.Problem;

/**
 * A refusal of the domain: its kind decides the status (a room the caller may not read as Gitter
 * answers it, see {@link RoomRefusals}), its message is the error text.
 */
@Provider
@ApplicationScoped
public class ProblemMapper implements ExceptionMapper<Problem> {

  @Context UriInfo uri;
  @Inject CurrentCaller caller;
  @Inject RoomRefusals refusals;

  @Override
  public Response toResponse(Problem problem) {
    Problem shown =
        refusals.asGitterWould(
            problem,
            uri.getPathParameters().getFirst("roomId"),
            caller.userIdIfSignedIn().orElse(null));
    return ApiError.response(
        Response.Status.fromStatusCode(shown.kind().status()), shown.getMessage());
  }
}
