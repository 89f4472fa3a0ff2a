package org.gitterjakarta.api.rooms;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.gitterjakarta.api.requests.Bodies;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.memberships.boundary.Memberships;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.RoomChanges;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.roomviews.boundary.RoomJson;
import org.gitterjakarta.roomviews.boundary.RoomViews;

/** {@code /v1/rooms}: the caller's rooms, resolving uris, one room, its settings. */
@RequestScoped
@Path("rooms")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoomsResource {

  @Inject CurrentCaller caller;

  @Inject RoomViews roomViews;
  @Inject Rooms rooms;
  @Inject Memberships memberships;

  static final int MAX_SEARCH_LIMIT = 100;

  /** The caller's rooms; with {@code q}, Gitter's room search {@code {results: [Room]}}. */
  @GET
  public Object index(
      @QueryParam("q") String q,
      @QueryParam("skip") @DefaultValue("0") int skip,
      @QueryParam("limit") @DefaultValue("10") int limit) {
    if (q == null) {
      return roomViews.roomsOf(caller.userId());
    }
    if (skip < 0 || limit < 1 || limit > MAX_SEARCH_LIMIT) {
      throw Problem.invalid("limit must be 1 to " + MAX_SEARCH_LIMIT + ", skip not negative");
    }
    return Map.of("results", roomViews.search(caller.userId(), q, skip, limit));
  }

  /** Resolves {@code {uri}} (or {@code ?uri=}) to a room; a username to the one-to-one room. */
  @POST
  public RoomJson resolve(@QueryParam("uri") String queryUri, JsonObject body) {
    String uri = body == null ? queryUri : Bodies.optionalString(body, "uri");
    Room room = rooms.resolve(caller.userId(), uri == null ? queryUri : uri);
    return roomViews.view(caller.userId(), room, true);
  }

  @GET
  @Path("{roomId}")
  public RoomJson show(@PathParam("roomId") String roomId) {
    return roomViews.view(caller.userId(), rooms.readable(caller.userId(), roomId), true);
  }

  /** Admins change {@code topic}, {@code tags} ("a, b" or a list) and {@code noindex}. */
  @PUT
  @Path("{roomId}")
  public RoomJson update(@PathParam("roomId") String roomId, JsonObject body) {
    if (body == null) {
      throw Problem.invalid("A JSON body is required");
    }
    Boolean noindex = null;
    if (body.containsKey("noindex") && body.get("noindex") != JsonValue.NULL) {
      JsonValue value = body.get("noindex");
      if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
        throw Problem.invalid("noindex must be true or false");
      }
      noindex = value == JsonValue.TRUE;
    }
    Room room =
        rooms.update(
            caller.userId(),
            roomId,
            new RoomChanges(
                Bodies.optionalString(body, "topic"),
                tags(body),
                noindex,
                Bodies.optionalString(body, "name")));
    return roomViews.view(caller.userId(), room, true);
  }

  @DELETE
  @Path("{roomId}")
  public Map<String, Boolean> delete(@PathParam("roomId") String roomId) {
    rooms.delete(caller.userId(), roomId);
    return Map.of("success", true);
  }

  private static List<String> tags(JsonObject body) {
    JsonValue value = body.get("tags");
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (value instanceof JsonString text) {
      return Arrays.asList(text.getString().split(","));
    }
    if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      return Bodies.strings(body, "tags");
    }
    throw Problem.invalid("tags must be a string or a list of strings");
  }
}
