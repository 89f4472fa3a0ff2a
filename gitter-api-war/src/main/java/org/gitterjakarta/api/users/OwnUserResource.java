package org.gitterjakarta.api.users;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import org.gitterjakarta.api.requests.Bodies;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.api.security.OwnUser;
import org.gitterjakarta.communities.boundary.GroupJson;
import org.gitterjakarta.communities.boundary.Groups;
import org.gitterjakarta.memberships.boundary.Memberships;
import org.gitterjakarta.memberships.boundary.NotificationSettings;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.roomviews.boundary.RoomJson;
import org.gitterjakarta.roomviews.boundary.RoomViews;
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
  @Inject Groups groups;
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

  /** Join: {@code {id: roomId}}. */
  @POST
  @Path("rooms")
  public RoomJson join(@Valid JoinRoomBody body) {
    String me = OwnUser.check(caller, userId);
    return roomViews.view(me, memberships.join(me, body.id()), true);
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
        memberships.update(me, roomId, favourite(body), body.containsKey("updateLastAccess")),
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

  @GET
  @Path("groups")
  public List<GroupJson> groups() {
    return groups.forUser(OwnUser.check(caller, userId)).stream().map(GroupJson::of).toList();
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

  /** A place in the favourites' order: a whole number from 0 to {@value #MAX_FAVOURITE}. */
  private static int position(jakarta.json.JsonNumber number) {
    if (!number.isIntegral()
        || number.bigDecimalValue().signum() < 0
        || number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(MAX_FAVOURITE)) > 0) {
      throw Problem.invalid(
          "favourite must be true, false or a position from 0 to " + MAX_FAVOURITE);
    }
    return number.intValue();
  }

  static final int MAX_FAVOURITE = 100_000;

  /** {@code favourite}: a position, {@code true} (= 1), or false/0 to remove. */
  private static Integer favourite(JsonObject body) {
    JsonValue value = body.get("favourite");
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    return switch (value.getValueType()) {
      case TRUE -> 1;
      case FALSE -> 0;
      case NUMBER -> position(body.getJsonNumber("favourite"));
      default -> throw Problem.invalid("favourite must be a boolean or a number");
    };
  }
}
