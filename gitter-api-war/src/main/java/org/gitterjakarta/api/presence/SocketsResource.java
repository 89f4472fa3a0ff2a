package org.gitterjakarta.api.presence;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.presence.boundary.Presence;

/**
 * {@code DELETE /v1/sockets/:socketId}: a client leaving (a closing page) ends the presence of its
 * realtime socket at once instead of waiting for the socket to time out. Only the socket's owner.
 */
@RequestScoped
@Path("sockets/{socketId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SocketsResource {

  @Inject CurrentCaller caller;
  @Inject Presence presence;

  @DELETE
  public Map<String, Boolean> disconnect(@PathParam("socketId") String socketId) {
    presence.disconnect(caller.userId(), socketId);
    return Map.of("success", true);
  }
}
