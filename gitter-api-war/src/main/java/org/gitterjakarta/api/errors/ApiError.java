package org.gitterjakarta.api.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Gitter's error body: {@code {"error": "..."}} with the HTTP status of the failure. */
public record ApiError(String error) {

  public static Response response(Response.StatusType status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ApiError(message))
        .build();
  }
}
