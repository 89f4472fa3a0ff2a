package org.gitterjakarta.api.oauth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.gitterjakarta.api.requests.Bodies;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.oauth.boundary.OAuthClients;

/** {@code /v1/oauth-clients}: the caller's own OAuth apps. */
@RequestScoped
@Path("oauth-clients")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OAuthClientsResource {

  @Inject CurrentCaller caller;
  @Inject OAuthClients clients;

  @GET
  public List<OAuthClientJson> index() {
    return clients.list(caller.userId()).stream().map(c -> OAuthClientJson.of(c, null)).toList();
  }

  /** {@code {name, registeredRedirectUri}}; the answer shows the secret this once. */
  @POST
  public OAuthClientJson register(JsonObject body) {
    var registered =
        clients.register(
            caller.userId(),
            Bodies.requiredString(body, "name"),
            Bodies.requiredString(body, "registeredRedirectUri"));
    return OAuthClientJson.of(registered.client(), registered.clientSecret());
  }

  @DELETE
  @Path("{clientId}")
  public Map<String, Boolean> delete(@PathParam("clientId") String clientId) {
    clients.delete(caller.userId(), clientId);
    return Map.of("success", true);
  }
}
