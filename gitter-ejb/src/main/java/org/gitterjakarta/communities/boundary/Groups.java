package org.gitterjakarta.communities.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;
import org.gitterjakarta.events.control.LiveEvents;
import org.gitterjakarta.events.entity.Channels;
import org.gitterjakarta.events.entity.Envelope;
import org.gitterjakarta.groups.control.GroupFavouriteRepository;
import org.gitterjakarta.groups.control.GroupRepository;
import org.gitterjakarta.groups.entity.Group;
import org.gitterjakarta.groups.entity.GroupFavourite;
import org.gitterjakarta.groups.entity.Names;
import org.gitterjakarta.mongo.control.DuplicateKeys;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.NewRoom;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.control.MembershipRepository;
import org.gitterjakarta.rooms.control.RoomAccess;
import org.gitterjakarta.rooms.control.RoomRepository;
import org.gitterjakarta.rooms.control.UriLookupRepository;
import org.gitterjakarta.rooms.entity.Membership;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.rooms.entity.RoomSecurity;
import org.gitterjakarta.rooms.entity.UriLookup;

/** Creating and finding communities. Any signed-in person may create one and administers it. */
@Stateless
public class Groups {

  private static final System.Logger LOGGER = System.getLogger(Groups.class.getName());
  static final String DEFAULT_ROOM = "community";
  static final int MAX_NAME_LENGTH = 80;

  @Inject GroupRepository groups;
  @Inject RoomRepository rooms;
  @Inject MembershipRepository memberships;
  @Inject Rooms roomUseCases;
  @Inject RoomAccess access;
  @Inject GroupFavouriteRepository favourites;
  @Inject LiveEvents events;
  @Inject UriLookupRepository uris;

  /** The new community and its default room, which the creator joins. */
  public Created create(String userId, NewCommunity community) {
    Names.communityUriProblem(community.uri())
        .ifPresent(
            reason -> {
              throw Problem.invalid(reason);
            });
    String name =
        community.name() == null || community.name().isBlank()
            ? community.uri()
            : community.name().strip();
    if (name.length() > MAX_NAME_LENGTH) {
      throw Problem.invalid("Community name is too long");
    }
    String roomName =
        community.defaultRoomName() == null || community.defaultRoomName().isBlank()
            ? DEFAULT_ROOM
            : community.defaultRoomName();
    Names.roomNameProblem(roomName)
        .ifPresent(
            reason -> {
              throw Problem.invalid(reason);
            });
    Group group = Group.create(new ObjectId().toHexString(), name, community.uri(), userId);
    if (uris.findById(group.lcUri()).isPresent()) {
      throw Problem.conflict("Community uri " + community.uri() + " is already taken");
    }
    try {
      groups.insert(group);
    } catch (RuntimeException e) {
      if (DuplicateKeys.isDuplicateKey(e)) {
        throw Problem.conflict("Community uri " + community.uri() + " is already taken");
      }
      throw e;
    }
    LOGGER.log(System.Logger.Level.INFO, "Community {0} created by {1}", group.uri(), userId);
    Room room =
        roomUseCases.create(userId, group.id(), new NewRoom(roomName, null, RoomSecurity.PUBLIC));
    return new Created(group, room);
  }

  public record Created(Group group, Room defaultRoom) {}

  public Group find(String groupId) {
    return Optional.ofNullable(groupId)
        .flatMap(groups::findById)
        .orElseThrow(() -> Problem.notFound("Group not found"));
  }

  /** A community by its uri, or by one it had before a rename. */
  public Optional<Group> findByUri(String uri) {
    if (uri == null) {
      return Optional.empty();
    }
    String lcUri = Names.lowerCase(uri);
    return groups
        .findByLcUri(lcUri)
        .or(
            () ->
                uris.findById(lcUri)
                    .map(UriLookup::groupId)
                    .flatMap(id -> Optional.ofNullable(id).flatMap(groups::findById)));
  }

  /** The community's rooms that the person may read. */
  public List<Room> roomsOf(String userId, String groupId) {
    Group group = find(groupId);
    List<Room> all = rooms.findByGroupId(group.id());
    var rights = access.of(all, userId);
    return all.stream().filter(room -> rights.get(room.id()).read()).toList();
  }

  /**
   * Marks a community as one of the person's favourites at a position (1 first), or unmarks it with
   * 0. The community comes back as they now see it.
   */
  public GroupJson favourite(String userId, String groupId, int position) {
    Group group = find(groupId);
    String id = GroupFavourite.idOf(userId, group.id());
    if (position > 0) {
      favourites.save(GroupFavourite.of(userId, group.id(), position));
    } else {
      favourites.deleteById(id);
    }
    events.publish(
        Channels.user(userId) + "/groups",
        Envelope.patch(Map.of("id", group.id(), "favourite", position > 0 ? position : false)));
    LOGGER.log(
        System.Logger.Level.INFO, "Community {0} favourite {1} for {2}", groupId, position, userId);
    return GroupJson.of(group).withFavourite(position > 0 ? position : null);
  }

  /** The person's communities as they see them, their favourite positions included. */
  public List<GroupJson> viewsFor(String userId) {
    Map<String, Integer> positions =
        favourites.findByUserId(userId).stream()
            .collect(Collectors.toMap(GroupFavourite::groupId, GroupFavourite::favourite));
    return forUser(userId).stream()
        .map(group -> GroupJson.of(group).withFavourite(positions.get(group.id())))
        .toList();
  }

  /** Communities the person has rooms in, or administers. */
  public List<Group> forUser(String userId) {
    Set<String> roomIds =
        memberships.findByUserId(userId).stream()
            .map(Membership::troupeId)
            .collect(Collectors.toSet());
    return roomIds.isEmpty()
        ? List.of()
        : List.copyOf(access.groupsOf(rooms.findByIdIn(roomIds)).values());
  }
}
