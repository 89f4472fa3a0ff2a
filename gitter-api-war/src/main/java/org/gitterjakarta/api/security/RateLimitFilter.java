package org.gitterjakarta.api.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.function.BiConsumer;
import org.gitterjakarta.api.errors.ApiError;
import org.gitterjakarta.ratelimits.boundary.RateLimits;

/**
 * 100 requests per 60 s per user and OAuth client, as Gitter: every limited response carries {@code
 * X-RateLimit-Limit}, {@code -Remaining} and {@code -Reset} (epoch milliseconds); beyond the limit
 * the answer is 429.
 */
@Provider
@Authenticated
@ApplicationScoped
@Priority(Priorities.AUTHORIZATION)
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

  /**
   * The request's allowance. A request attribute (JAX-RS request properties are the servlet
   * request's attributes here): a servlet filter that has already counted the request leaves it for
   * this filter, which then does not count it again.
   */
  public static final String ALLOWANCE = RateLimitFilter.class.getName() + ".allowance";

  @Inject RateLimits limits;
  @Inject CurrentCaller caller;

  @Override
  public void filter(ContainerRequestContext request) {
    RateLimits.Allowance allowance =
        request.getProperty(ALLOWANCE) instanceof RateLimits.Allowance counted
            ? counted
            : limits.hit(key(caller.userId(), caller.clientId()));
    request.setProperty(ALLOWANCE, allowance);
    if (!allowance.allowed()) {
      long seconds = TokenAuthenticationFilter.retryAfterSeconds(allowance);
      Response refusal =
          ApiError.response(
              Response.Status.TOO_MANY_REQUESTS,
              "Too many requests, retry in " + seconds + " seconds");
      request.abortWith(Response.fromResponse(refusal).header("Retry-After", seconds).build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(ALLOWANCE) instanceof RateLimits.Allowance allowance) {
      headers(allowance, response.getHeaders()::putSingle);
    }
  }

  /** Whose allowance a call spends: a person through one OAuth client. */
  public static String key(String userId, String clientId) {
    return userId + ":" + clientId;
  }

  /** The three headers of a limited answer, to whatever sets them. */
  public static void headers(RateLimits.Allowance allowance, BiConsumer<String, String> header) {
    header.accept("X-RateLimit-Limit", String.valueOf(allowance.limit()));
    header.accept("X-RateLimit-Remaining", String.valueOf(allowance.remaining()));
    header.accept("X-RateLimit-Reset", String.valueOf(allowance.resetAtMillis()));
  }
}
