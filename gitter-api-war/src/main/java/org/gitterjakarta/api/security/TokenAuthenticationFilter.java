package org.gitterjakarta.api.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.gitterjakarta.api.errors.ApiError;

/**
 * Rejects calls to {@link Authenticated} resources that carry no usable token with Gitter's 401.
 * Resolving a token to its user is the tokens feature's job; until a token resolves, it is not
 * usable.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class TokenAuthenticationFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<String> token =
        AccessTokens.find(
            request.getHeaderString(HttpHeaders.AUTHORIZATION),
            request.getHeaderString("x-access-token"),
            request.getUriInfo().getQueryParameters().getFirst("access_token"));
    if (token.isEmpty()) {
      request.abortWith(ApiError.response(Response.Status.UNAUTHORIZED, "Unauthorized"));
    } else {
      request.abortWith(ApiError.response(Response.Status.UNAUTHORIZED, "Invalid access token"));
    }
  }
}
