package org.gitterjakarta.api.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.gitterjakarta.api.errors.ApiError;
import org.gitterjakarta.tokens.boundary.Tokens;
import org.gitterjakarta.tokens.entity.Caller;
import org.gitterjakarta.users.boundary.Users;
import org.gitterjakarta.users.entity.User;

/**
 * Resolves the token of a call to an {@link Authenticated} resource into its caller, or answers
 * Gitter's 401. A token of a removed account counts as no token.
 */
@Provider
@Authenticated
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class TokenAuthenticationFilter implements ContainerRequestFilter {

  @Inject Tokens tokens;
  @Inject Users users;
  @Inject CurrentCaller current;

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<String> token =
        AccessTokens.find(
            request.getHeaderString(HttpHeaders.AUTHORIZATION),
            request.getHeaderString("x-access-token"),
            request.getUriInfo().getQueryParameters().getFirst("access_token"));
    if (token.isEmpty()) {
      request.abortWith(ApiError.response(Response.Status.UNAUTHORIZED, "Unauthorized"));
      return;
    }
    Optional<Caller> caller = tokens.resolve(token.get());
    Optional<User> user = caller.flatMap(c -> users.find(c.userId()));
    if (user.isEmpty()) {
      request.abortWith(ApiError.response(Response.Status.UNAUTHORIZED, "Invalid access token"));
      return;
    }
    current.set(caller.get(), user.get());
  }
}
