package org.gitterjakarta.api.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gitterjakarta.api.errors.ApiError;
import org.gitterjakarta.ratelimits.boundary.RateLimits;
import org.gitterjakarta.ratelimits.entity.ClientAddress;
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
  @Inject RateLimits limits;
  @Context HttpServletRequest http;

  @Inject
  @ConfigProperty(name = "gitter.http.trusted-proxies")
  int trustedProxies;

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<String> token =
        AccessTokens.find(
            request.getHeaderString(HttpHeaders.AUTHORIZATION),
            request.getHeaderString("x-access-token"),
            request.getUriInfo().getQueryParameters().getFirst("access_token"));
    if (token.isEmpty()) {
      refuse(request, "Unauthorized");
      return;
    }
    Optional<Caller> caller = tokens.resolve(token.get());
    Optional<User> user = caller.flatMap(c -> users.find(c.userId()));
    if (user.isEmpty()) {
      refuse(request, "Invalid access token");
      return;
    }
    current.set(caller.get(), user.get());
  }

  /**
   * 401, or 429 once an address has sent more calls without a working token than the API's rate
   * limit allows a person: guessing tokens is throttled like using one.
   */
  private void refuse(ContainerRequestContext request, String why) {
    RateLimits.Allowance allowance =
        limits.hitUnauthenticated(
            ClientAddress.of(
                http.getRemoteAddr(), http.getHeader("X-Forwarded-For"), trustedProxies));
    request.abortWith(
        allowance.allowed()
            ? ApiError.response(Response.Status.UNAUTHORIZED, why)
            : Response.fromResponse(
                    ApiError.response(
                        Response.Status.TOO_MANY_REQUESTS, "Too many unauthenticated requests"))
                .header("Retry-After", retryAfterSeconds(allowance))
                .build());
  }

  static long retryAfterSeconds(RateLimits.Allowance allowance) {
    return Math.max(1, (allowance.resetAtMillis() - System.currentTimeMillis() + 999) / 1000);
  }
}
