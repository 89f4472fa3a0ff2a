package org.gitterjakarta.api.unread;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.gitterjakarta.api.requests.Bodies;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.api.security.OwnUser;
import org.gitterjakarta.unread.boundary.UnreadItems;
import org.gitterjakarta.unread.entity.Unread;

/** {@code /v1/user/:userId/.../unreadItems}: the caller's unread items and mentions. */
@RequestScoped
@Path("user/{userId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnreadItemsResource {

  @Inject CurrentCaller caller;
  @Inject UnreadItems unread;

  @PathParam("userId")
  String userId;

  @GET
  @Path("rooms/{roomId}/unreadItems")
  public Unread show(@PathParam("roomId") String roomId) {
    return unread.get(OwnUser.check(caller, userId), roomId);
  }

  /** Mark read: {@code {chat: [id], mention: [id]}}. */
  @POST
  @Path("rooms/{roomId}/unreadItems")
  public Map<String, Boolean> markRead(@PathParam("roomId") String roomId, JsonObject body) {
    unread.markRead(
        OwnUser.check(caller, userId),
        roomId,
        Bodies.strings(body, "chat"),
        Bodies.strings(body, "mention"));
    return Map.of("success", true);
  }

  @DELETE
  @Path("rooms/{roomId}/unreadItems/all")
  public Map<String, Boolean> markAllRead(@PathParam("roomId") String roomId) {
    unread.markAllRead(OwnUser.check(caller, userId), roomId);
    return Map.of("success", true);
  }

  /** The caller has seen the room up to this message. */
  @PUT
  @Path("rooms/{roomId}/unreadItems/{lastSeenId}")
  public Map<String, Boolean> seenUpTo(
      @PathParam("roomId") String roomId, @PathParam("lastSeenId") String lastSeenId) {
    unread.seenUpTo(OwnUser.check(caller, userId), roomId, lastSeenId);
    return Map.of("success", true);
  }

  @GET
  @Path("unreadItems")
  public List<UnreadItems.RoomUnread> all() {
    return unread.all(OwnUser.check(caller, userId));
  }
}
