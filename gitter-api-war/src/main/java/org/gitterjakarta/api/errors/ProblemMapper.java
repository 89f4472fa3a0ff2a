package org.gitterjakarta.api.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.gitterjakarta.problems.Problem;

/** A refusal of the domain: its kind decides the status, its message is the error text. */
@Provider
public class ProblemMapper implements ExceptionMapper<Problem> {

  @Override
  public Response toResponse(Problem problem) {
    return ApiError.response(
        Response.Status.fromStatusCode(problem.kind().status()), problem.getMessage());
  }
}
