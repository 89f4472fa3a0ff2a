package org.gitterjakarta.api.users;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.gitterjakarta.api.errors.RoomRefusals;
import org.gitterjakarta.api.requests.Bodies;
import org.gitterjakarta.api.rooms.SuggestedRoomJson;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.api.security.OwnUser;
import org.gitterjakarta.memberships.boundary.Memberships;
import org.gitterjakarta.memberships.boundary.NotificationSettings;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.roomviews.boundary.RoomJson;
import org.gitterjakarta.roomviews.boundary.RoomViews;
import org.gitterjakarta.roomviews.boundary.SuggestedRooms;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.users.boundary.Users;

/** {@code /v1/user/:userId/...}: the caller's own record, rooms and communities. */
@RequestScoped
@Path("user/{userId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OwnUserResource {

  @Inject CurrentCaller caller;

  @Inject RoomViews roomViews;
  @Inject Memberships memberships;
  @Inject SuggestedRooms suggestions;
  @Inject RoomRefusals refusals;
  @Inject Users users;
  @Inject NotificationSettings notifications;

  @PathParam("userId")
  String userId;

  @GET
  public UserJson show() {
    OwnUser.check(caller, userId);
    return UserJson.self(caller.user());
  }

  /** Deletes the caller's own account; {@code {ghost: true}} also scrubs name and emails. */
  @DELETE
  public Map<String, Boolean> delete(JsonObject body) {
    users.remove(OwnUser.check(caller, userId), Bodies.flag(body, "ghost"));
    return Map.of("success", true);
  }

  @GET
  @Path("rooms")
  public List<RoomJson> rooms() {
    return roomViews.roomsOf(OwnUser.check(caller, userId));
  }

  /** Join: {@code {id: roomId}}; a room the caller may not read is refused as Gitter does. */
  @POST
  @Path("rooms")
  public RoomJson join(@Valid JoinRoomBody body) {
    String me = OwnUser.check(caller, userId);
    try {
      return roomViews.view(me, memberships.join(me, body.id()), true);
    } catch (Problem refused) {
      throw refusals.asGitterWould(refused, body.id(), me);
    }
  }

  @PATCH
  @Path("rooms/{roomId}")
  public RoomJson patch(@PathParam("roomId") String roomId, JsonObject body) {
    String me = OwnUser.check(caller, userId);
    String mode = Bodies.optionalString(body, "mode");
    if (mode != null) {
      notifications.change(me, roomId, mode);
    }
    return roomViews.view(
        me,
        memberships.update(me, roomId, Favourites.of(body), body.containsKey("updateLastAccess")),
        false);
  }

  /** Deprecated alias of PATCH, still used by old clients. */
  @PUT
  @Path("rooms/{roomId}")
  public RoomJson put(@PathParam("roomId") String roomId, JsonObject body) {
    return patch(roomId, body);
  }

  /** Hide the room from the left menu. */
  @DELETE
  @Path("rooms/{roomId}")
  public Map<String, Boolean> hide(@PathParam("roomId") String roomId) {
    memberships.hide(OwnUser.check(caller, userId), roomId);
    return Map.of("success", true);
  }

  /** Rooms to join next: listed public rooms the caller is not in. */
  @GET
  @Path("suggestedRooms")
  public List<SuggestedRoomJson> suggestedRooms() {
    return SuggestedRoomJson.of(suggestions.forUser(OwnUser.check(caller, userId)));
  }

  /** GitHub repositories: none, sign-in is local here. */
  @GET
  @Path("repos")
  public List<Object> repos() {
    OwnUser.check(caller, userId);
    return List.of();
  }

  /** GitHub organisations: none, sign-in is local here. */
  @GET
  @Path("orgs")
  public List<Object> orgs() {
    OwnUser.check(caller, userId);
    return List.of();
  }
}
