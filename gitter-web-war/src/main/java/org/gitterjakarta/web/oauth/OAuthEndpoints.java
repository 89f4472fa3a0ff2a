package org.gitterjakarta.web.oauth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.gitterjakarta.oauth.boundary.OAuthGrants;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.tokens.boundary.Tokens;
import org.gitterjakarta.tokens.entity.Caller;
import org.gitterjakarta.web.security.WebSession;

/**
 * The authorization-code grant (RFC 6749 §4.1). A person in a browser is asked on the consent page
 * (signing in first if needed); a client holding the person's bearer token gets the code at once.
 */
@RequestScoped
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class OAuthEndpoints {

  private static final String BEARER = "bearer ";

  @Inject OAuthGrants grants;
  @Inject Tokens tokens;
  @Inject WebSession session;
  @Context HttpServletRequest request;

  @GET
  @Path("authorize")
  public Response authorize(
      @QueryParam("client_id") String clientKey,
      @QueryParam("response_type") String responseType,
      @QueryParam("redirect_uri") String redirectUri,
      @QueryParam("state") String state,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    Optional<String> user = bearer(authorization).flatMap(tokens::resolve).map(Caller::userId);
    if (user.isEmpty()) {
      return browser(clientKey, responseType, redirectUri, state);
    }
    try {
      String target = grants.client(clientKey, redirectUri).registeredRedirectUri();
      UriBuilder back = UriBuilder.fromUri(target);
      if (!"code".equals(responseType)) {
        back.queryParam("error", "unsupported_response_type");
      } else {
        back.queryParam("code", grants.authorize(user.get(), clientKey, redirectUri));
      }
      if (state != null) {
        back.queryParam("state", state);
      }
      return Response.seeOther(back.build()).build();
    } catch (Problem problem) {
      // never redirect to an unverified uri: the error is shown here
      return error(Response.Status.BAD_REQUEST, problem.getMessage());
    }
  }

  /**
   * A person in a browser: signed in, they are asked on the consent page; signed out, they sign in
   * first and come back here. A bad client or redirect uri is shown here, never redirected to.
   */
  private Response browser(
      String clientKey, String responseType, String redirectUri, String state) {
    try {
      grants.client(clientKey, redirectUri);
    } catch (Problem problem) {
      // a person reads this: a page that says what went wrong, not a JSON body
      return Response.seeOther(
              UriBuilder.fromPath(request.getContextPath() + "/oauth-refused.xhtml")
                  .queryParam("reason", problem.getMessage())
                  .build())
          .build();
    }
    UriBuilder consent =
        UriBuilder.fromPath(request.getContextPath() + "/oauth-consent.xhtml")
            .queryParam("client_id", clientKey)
            .queryParam("redirect_uri", redirectUri)
            .queryParam("response_type", responseType);
    if (state != null) {
      consent.queryParam("state", state);
    }
    URI target = consent.build();
    if (session.signedIn()) {
      return Response.seeOther(target).build();
    }
    URI signIn =
        UriBuilder.fromPath(request.getContextPath() + "/signin.xhtml")
            .queryParam("next", target.toString())
            .build();
    return Response.seeOther(signIn).build();
  }

  @POST
  @Path("token")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response token(
      @FormParam("grant_type") String grantType,
      @FormParam("client_id") String clientKey,
      @FormParam("client_secret") String secret,
      @FormParam("code") String code,
      @FormParam("redirect_uri") String redirectUri) {
    return exchange(grantType, clientKey, secret, code, redirectUri);
  }

  /**
   * The same exchange with a JSON body, which Gitter accepted too. Read as text: every field must
   * be a string (an object such as {@code {"$ne": null}} is a malformed request, not a query).
   */
  @POST
  @Path("token")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response tokenJson(String body) {
    Optional<Map<String, String>> fields = TokenRequest.fields(body);
    if (fields.isEmpty()) {
      return error(Response.Status.BAD_REQUEST, "invalid_request");
    }
    Map<String, String> f = fields.get();
    return exchange(
        f.get("grant_type"),
        f.get("client_id"),
        f.get("client_secret"),
        f.get("code"),
        f.get("redirect_uri"));
  }

  private Response exchange(
      String grantType, String clientKey, String secret, String code, String redirectUri) {
    if (!"authorization_code".equals(grantType)) {
      return error(Response.Status.BAD_REQUEST, "unsupported_grant_type");
    }
    try {
      var issued = grants.exchange(clientKey, secret, code, redirectUri);
      return Response.ok(Map.of("access_token", issued.value(), "token_type", "Bearer"))
          .header("Cache-Control", "no-store")
          .build();
    } catch (Problem problem) {
      return error(Response.Status.fromStatusCode(problem.kind().status()), problem.getMessage());
    }
  }

  private static Optional<String> bearer(String header) {
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    return Optional.of(header.substring(BEARER.length()).trim());
  }

  private static Response error(Response.Status status, String error) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("error", error))
        .build();
  }
}
