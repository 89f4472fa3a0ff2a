package org.gitterjakarta.api.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.gitterjakarta.problems.Outages;

/**
 * What no other mapper took: a store that cannot be reached is a {@code 503} with {@code
 * Retry-After} (the client may try again shortly); anything else here is a bug, which must not leak
 * a stack trace: log it, answer a plain 500 JSON body.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

  private static final System.Logger LOGGER =
      System.getLogger(UnexpectedExceptionMapper.class.getName());

  static final int RETRY_AFTER_SECONDS = 2;

  @Override
  public Response toResponse(RuntimeException exception) {
    if (Outages.isOutage(exception)) {
      LOGGER.log(System.Logger.Level.WARNING, "A store is unreachable: {0}", exception.toString());
      return Response.fromResponse(
              ApiError.response(
                  Response.Status.SERVICE_UNAVAILABLE,
                  "Temporarily unavailable, retry in " + RETRY_AFTER_SECONDS + " seconds"))
          .header("Retry-After", RETRY_AFTER_SECONDS)
          .build();
    }
    LOGGER.log(System.Logger.Level.ERROR, "Unexpected failure in the API", exception);
    return ApiError.response(Response.Status.INTERNAL_SERVER_ERROR, "Internal Server Error");
  }
}
