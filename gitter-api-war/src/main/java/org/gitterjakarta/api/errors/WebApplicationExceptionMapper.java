package org.gitterjakarta.api.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every HTTP failure the runtime or a resource raises (404, 405, 415, ...) gets a JSON body. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    if (original.hasEntity()) {
      return original;
    }
    Response.StatusType status = original.getStatusInfo();
    return Response.fromResponse(ApiError.response(status, status.getReasonPhrase())).build();
  }
}
