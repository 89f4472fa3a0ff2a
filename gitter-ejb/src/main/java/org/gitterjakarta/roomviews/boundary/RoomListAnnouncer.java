package org.gitterjakarta.roomviews.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.gitterjakarta.communities.boundary.GroupJson;
import org.gitterjakarta.events.control.LiveEvents;
import org.gitterjakarta.events.control.LiveEvents.Live;
import org.gitterjakarta.events.entity.Channels;
import org.gitterjakarta.events.entity.Envelope;
import org.gitterjakarta.groups.control.GroupRepository;
import org.gitterjakarta.presence.control.PresenceStore;
import org.gitterjakarta.rooms.control.MembershipRepository;
import org.gitterjakarta.rooms.control.RoomRepository;
import org.gitterjakarta.rooms.entity.MemberJoined;
import org.gitterjakarta.rooms.entity.MemberLeft;
import org.gitterjakarta.rooms.entity.Membership;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.rooms.entity.RoomChanged;
import org.gitterjakarta.rooms.entity.RoomDeleted;

/**
 * Keeps clients' room and community lists live, as Gitter's live collections did: {@code create}
 * and {@code remove} on {@code /user/:id/rooms} when a person comes into or leaves a room by any
 * route, the same on {@code /user/:id/groups} for their first and last room of a community, and on
 * a room's change an {@code update} on {@code /rooms/:id} plus a {@code patch} of what changed on
 * the lists of its members who are online (the others load the list fresh when they come back).
 */
@ApplicationScoped
public class RoomListAnnouncer {

  @Inject RoomViews views;
  @Inject LiveEvents events;
  @Inject MembershipRepository memberships;
  @Inject RoomRepository rooms;
  @Inject GroupRepository groups;
  @Inject PresenceStore presence;

  void joined(@Observes MemberJoined joined) {
    String userId = joined.userId();
    Room room = joined.room();
    // the community first, so that a client can place the room under it
    if (room.groupId() != null && roomsInCommunity(userId, room.groupId()) == 1) {
      groups
          .findById(room.groupId())
          .ifPresent(
              group ->
                  events.publish(
                      Channels.userGroups(userId), Envelope.create(GroupJson.of(group))));
    }
    events.publish(Channels.userRooms(userId), Envelope.create(views.view(userId, room, false)));
  }

  void left(@Observes MemberLeft left) {
    String userId = left.userId();
    Room room = left.room();
    events.publish(Channels.userRooms(userId), Envelope.remove(Map.of("id", room.id())));
    if (room.groupId() != null && roomsInCommunity(userId, room.groupId()) == 0) {
      events.publish(Channels.userGroups(userId), Envelope.remove(Map.of("id", room.groupId())));
    }
  }

  void deleted(@Observes RoomDeleted deleted) {
    var removal = Envelope.remove(Map.of("id", deleted.roomId()));
    List<Live> batch = new ArrayList<>();
    batch.add(new Live(Channels.room(deleted.roomId()), removal));
    // one read of the community's remaining members, not two queries per member of the room
    Set<String> stayed =
        deleted.groupId() == null ? Set.of() : membersOfCommunity(deleted.groupId());
    for (String userId : deleted.memberIds()) {
      batch.add(new Live(Channels.userRooms(userId), removal));
      if (deleted.groupId() != null && !stayed.contains(userId)) {
        batch.add(
            new Live(
                Channels.userGroups(userId), Envelope.remove(Map.of("id", deleted.groupId()))));
      }
    }
    events.publishAll(batch);
  }

  void changed(@Observes RoomChanged changed) {
    Room room = changed.room();
    RoomJson view = views.view(null, room, false);
    List<Live> batch = new ArrayList<>();
    batch.add(new Live(Channels.room(room.id()), Envelope.update(view)));
    if (!room.isOneToOne()) {
      Map<String, Object> patch = new LinkedHashMap<>();
      patch.put("id", room.id());
      patch.put("name", view.name());
      patch.put("topic", view.topic());
      patch.put("uri", view.uri());
      patch.put("tags", view.tags());
      patch.put("public", view.isPublic());
      var members = memberships.findByTroupeId(room.id()).stream().map(Membership::userId).toList();
      for (String userId : presence.online(members)) {
        batch.add(new Live(Channels.userRooms(userId), Envelope.patch(patch)));
      }
    }
    events.publishAll(batch);
  }

  /** Everyone in some room of the community now. */
  private Set<String> membersOfCommunity(String groupId) {
    Set<String> people = new java.util.HashSet<>();
    for (Room room : rooms.findByGroupId(groupId)) {
      memberships.findByTroupeId(room.id()).forEach(m -> people.add(m.userId()));
    }
    return people;
  }

  /** How many rooms of the community the person is in now. */
  private long roomsInCommunity(String userId, String groupId) {
    Set<String> roomIds =
        memberships.findByUserId(userId).stream()
            .map(Membership::troupeId)
            .collect(Collectors.toSet());
    return roomIds.isEmpty()
        ? 0
        : rooms.findByIdIn(roomIds).stream()
            .filter(r -> Objects.equals(groupId, r.groupId()))
            .count();
  }
}
