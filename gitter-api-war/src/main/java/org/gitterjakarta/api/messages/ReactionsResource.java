package org.gitterjakarta.api.messages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.messages.boundary.ChatMessageJson.ReactionJson;
import org.gitterjakarta.messages.boundary.Reactions;

/**
 * {@code /v1/rooms/:roomId/chatMessages/:messageId/reactions}: the message's emoji reactions; PUT
 * and DELETE of {@code /reactions/:emoji} add and take back the caller's own (idempotent, each
 * answering the message's reactions after the change). {@code :emoji} is a shortcode ({@code +1},
 * {@code tada}, colons optional) or the emoji itself.
 */
@ApplicationScoped
@Path("rooms/{roomId}/chatMessages/{messageId}/reactions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ReactionsResource {

  @Inject CurrentCaller caller;
  @Inject Reactions reactions;

  @GET
  public List<ReactionJson> index(
      @PathParam("roomId") String roomId, @PathParam("messageId") String messageId) {
    return reactions.of(caller.userId(), roomId, messageId);
  }

  @PUT
  @Path("{emoji}")
  public List<ReactionJson> add(
      @PathParam("roomId") String roomId,
      @PathParam("messageId") String messageId,
      @PathParam("emoji") String emoji) {
    return reactions.add(caller.userId(), roomId, messageId, emoji);
  }

  @DELETE
  @Path("{emoji}")
  public List<ReactionJson> takeBack(
      @PathParam("roomId") String roomId,
      @PathParam("messageId") String messageId,
      @PathParam("emoji") String emoji) {
    return reactions.takeBack(caller.userId(), roomId, messageId, emoji);
  }
}
