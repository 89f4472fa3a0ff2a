package org.gitterjakarta.api.groups;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.gitterjakarta.api.requests.Bodies;
import org.gitterjakarta.api.rooms.SuggestedRoomJson;
import org.gitterjakarta.api.security.Authenticated;
import org.gitterjakarta.api.security.CurrentCaller;
import org.gitterjakarta.communities.boundary.CommunityRenames;
import org.gitterjakarta.communities.boundary.GroupJson;
import org.gitterjakarta.communities.boundary.Groups;
import org.gitterjakarta.communities.boundary.NewCommunity;
import org.gitterjakarta.rooms.boundary.NewRoom;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.roomviews.boundary.RoomJson;
import org.gitterjakarta.roomviews.boundary.RoomViews;
import org.gitterjakarta.roomviews.boundary.SuggestedRooms;

/** {@code /v1/groups}: communities and their rooms. */
@RequestScoped
@Path("groups")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GroupsResource {

  @Inject CurrentCaller caller;

  @Inject RoomViews roomViews;
  @Inject Groups groups;
  @Inject Rooms rooms;
  @Inject SuggestedRooms suggestions;
  @Inject CommunityRenames renames;

  @GET
  public List<GroupJson> index() {
    return groups.viewsFor(caller.userId());
  }

  /** Any signed-in person may create a community; it comes with its default room. */
  @POST
  public CreatedGroupJson create(@Valid NewGroupBody body) {
    var created =
        groups.create(
            caller.userId(), new NewCommunity(body.uri(), body.name(), body.defaultRoomName()));
    return CreatedGroupJson.of(
        GroupJson.of(created.group()),
        roomViews.view(caller.userId(), created.defaultRoom(), true));
  }

  @GET
  @Path("{groupId}")
  public GroupJson show(@PathParam("groupId") String groupId) {
    return GroupJson.of(groups.find(groupId));
  }

  /**
   * Renames the community, by its admins: {@code {name}}, {@code {uri}} or both (Gitter's API
   * changed nothing here; renames went through its support). Old addresses keep leading to it.
   */
  @PUT
  @Path("{groupId}")
  public GroupJson update(@PathParam("groupId") String groupId, JsonObject body) {
    return GroupJson.of(
        renames.rename(
            caller.userId(),
            groupId,
            Bodies.optionalString(body, "name"),
            Bodies.optionalString(body, "uri")));
  }

  /** Rooms of the community the caller may read and has not joined. */
  @GET
  @Path("{groupId}/suggestedRooms")
  public List<SuggestedRoomJson> suggestedRooms(@PathParam("groupId") String groupId) {
    return SuggestedRoomJson.of(suggestions.forGroup(caller.userId(), groupId));
  }

  /** The community's rooms the caller may read. */
  @GET
  @Path("{groupId}/rooms")
  public List<RoomJson> rooms(@PathParam("groupId") String groupId) {
    return roomViews.listed(caller.userId(), groups.roomsOf(caller.userId(), groupId));
  }

  @POST
  @Path("{groupId}/rooms")
  public RoomJson createRoom(@PathParam("groupId") String groupId, JsonObject body) {
    Room room =
        rooms.create(
            caller.userId(),
            groupId,
            new NewRoom(
                Bodies.requiredString(body, "name"),
                Bodies.optionalString(body, "topic"),
                RoomSecurityBody.of(body)));
    return roomViews.view(caller.userId(), room, true);
  }
}
