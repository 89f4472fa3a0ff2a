package org.gitterjakarta.api.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that is not the JSON a route expects is the client's mistake (400); anything else here is
 * a bug, which must not leak a stack trace: log it, answer a plain 500 JSON body.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

  private static final System.Logger LOGGER =
      System.getLogger(UnexpectedExceptionMapper.class.getName());

  @Override
  public Response toResponse(RuntimeException exception) {
    LOGGER.log(System.Logger.Level.ERROR, "Unexpected failure in the API", exception);
    return ApiError.response(Response.Status.INTERNAL_SERVER_ERROR, "Internal Server Error");
  }
}
