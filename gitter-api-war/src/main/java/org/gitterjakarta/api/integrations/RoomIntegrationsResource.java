package org.gitterjakarta.api.integrations;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.integrations.boundary.IntegrationJson;
import org.gitterjakarta.integrations.boundary.Integrations;

/**
 * {@code /v1/rooms/:roomId/integrations}: a room's incoming webhooks, for its admins. The answer to
 * a creation is the only one that carries the secret and the hook's URL.
 */
@RequestScoped
@Path("rooms/{roomId}/integrations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoomIntegrationsResource {

  @Inject CurrentCaller caller;
  @Inject Integrations integrations;
  @Context UriInfo uri;

  @PathParam("roomId")
  String roomId;

  @GET
  public List<IntegrationJson> index() {
    return integrations.list(caller.userId(), roomId);
  }

  /** {@code {name}}: the new integration with {@code secret}, {@code hookPath} and {@code url}. */
  @POST
  public IntegrationJson create(
      @Valid IntegrationBody body, @HeaderParam("X-Forwarded-Proto") String forwardedProto) {
    URI base = uri.getBaseUri();
    // behind a TLS proxy the instance itself is reached over http: the URL is the proxy's
    String scheme = "https".equals(forwardedProto) ? "https" : base.getScheme();
    String origin = scheme + "://" + base.getRawAuthority();
    return integrations.create(caller.userId(), roomId, body.name()).at(origin);
  }

  @DELETE
  @Path("{integrationId}")
  public Map<String, Boolean> revoke(@PathParam("integrationId") String integrationId) {
    integrations.revoke(caller.userId(), roomId, integrationId);
    return Map.of("success", true);
  }
}
