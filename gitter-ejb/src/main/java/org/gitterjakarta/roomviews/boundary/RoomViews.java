package org.gitterjakarta.roomviews.boundary;

import jakarta.data.Limit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gitterjakarta.communities.boundary.GroupJson;
import org.gitterjakarta.groups.entity.Group;
import org.gitterjakarta.groups.entity.Names;
import org.gitterjakarta.messages.control.MessageStore;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.control.MemberCounts;
import org.gitterjakarta.rooms.control.MembershipRepository;
import org.gitterjakarta.rooms.control.RoomAccess;
import org.gitterjakarta.rooms.control.RoomRepository;
import org.gitterjakarta.rooms.control.RoomSearchIndex;
import org.gitterjakarta.rooms.entity.Access;
import org.gitterjakarta.rooms.entity.Membership;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.rooms.entity.RoomSecurity;
import org.gitterjakarta.search.entity.SearchTokens;
import org.gitterjakarta.unread.control.UnreadStore;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.users.control.UserRepository;
import org.gitterjakarta.users.entity.User;

/**
 * The room JSON one person sees (names, counts, unread, membership, rights), for one room or a
 * list. A list is assembled in a fixed number of store round trips whatever its length: each kind
 * of fact (rights, memberships, communities, the other person of one-to-ones, member counts, unread
 * counts, last messages) is read once for all its rooms.
 */
@ApplicationScoped
public class RoomViews {

  static final int MAX_LISTED = 100;
  private static final UnreadStore.Counts NO_UNREAD = new UnreadStore.Counts(0, 0);

  @Inject RoomRepository rooms;
  @Inject RoomAccess access;
  @Inject MembershipRepository memberships;
  @Inject MemberCounts memberCounts;
  @Inject RoomSearchIndex searchIndex;
  @Inject UserRepository users;
  @Inject UnreadStore unreads;
  @Inject MessageStore messages;

  public RoomJson view(String viewerId, Room room, boolean withPermissions) {
    List<Membership> theirs = membershipsOf(viewerId);
    List<Room> one = List.of(room);
    RoomJson json =
        views(viewerId, one, theirs, access.of(one, viewerId, theirs), withPermissions).get(0);
    Group community =
        withPermissions && room.groupId() != null ? access.groupsOf(one).get(room.groupId()) : null;
    return community == null ? json : json.withCommunity(GroupJson.of(community));
  }

  /**
   * The rooms of the person's left menu: memberships that are not hidden, and rooms where they were
   * mentioned without being a member ({@code roomMember: false}) while they may still join them.
   */
  public List<RoomJson> roomsOf(String userId) {
    List<Membership> all = membershipsOf(userId);
    Set<String> ids = new LinkedHashSet<>();
    all.stream().filter(m -> !m.hidden()).forEach(m -> ids.add(m.troupeId()));
    Set<String> memberOf = all.stream().map(Membership::troupeId).collect(Collectors.toSet());
    unreads.roomsWithMentions(userId).stream()
        .filter(id -> !memberOf.contains(id))
        .forEach(ids::add);
    List<Room> found = inOrder(ids, rooms.findByIdIn(ids));
    Map<String, Access> rights = access.of(found, userId, all);
    List<Room> listed =
        found.stream()
            .filter(r -> rights.get(r.id()).member() || rights.get(r.id()).join())
            .toList();
    return views(userId, listed, all, rights, false);
  }

  /** Rooms matching a search the person may read; their own rooms rank first. */
  public List<RoomJson> search(String userId, String query, int skip, int limit) {
    List<String> tokens = SearchTokens.forQuery(query);
    if (tokens.isEmpty()) {
      throw Problem.invalid("Search for at least one word");
    }
    List<Membership> theirs = membershipsOf(userId);
    List<String> own = theirs.stream().map(Membership::troupeId).toList();
    List<String> ids = searchIndex.search(tokens, own, skip, limit);
    List<Room> found = inOrder(ids, rooms.findByIdIn(ids));
    Map<String, Access> rights = access.of(found, userId, theirs);
    List<Room> readable = found.stream().filter(r -> rights.get(r.id()).read()).toList();
    return views(userId, readable, theirs, rights, false);
  }

  /**
   * The newest public community rooms that asked to be listed (not {@code noindex}), for the
   * explore page; signed out too.
   */
  public List<RoomJson> explore(String userId, int limit) {
    return listed(
        userId,
        rooms.findBySecurityAndNoindexOrderByCreatedAtDesc(
            RoomSecurity.PUBLIC, false, Limit.of(listSize(limit))));
  }

  /** The newest listed public rooms with a tag (tags are kept lower case), for exploring. */
  public List<RoomJson> exploreTag(String userId, String tag, int limit) {
    if (tag == null || tag.isBlank() || tag.length() > 100) {
      throw Problem.invalid("tag must be 1 to 100 characters");
    }
    return listed(
        userId,
        rooms.findByTagsAndSecurityAndNoindexOrderByCreatedAtDesc(
            Names.lowerCase(tag.strip()), RoomSecurity.PUBLIC, false, Limit.of(listSize(limit))));
  }

  /** Rooms already chosen by the caller (a community's readable rooms, say), as one list. */
  public List<RoomJson> listed(String viewerId, List<Room> chosen) {
    List<Membership> theirs = membershipsOf(viewerId);
    return views(viewerId, chosen, theirs, access.of(chosen, viewerId, theirs), false);
  }

  private List<Membership> membershipsOf(String userId) {
    return userId == null ? List.of() : memberships.findByUserId(userId);
  }

  private static int listSize(int limit) {
    return Math.min(Math.max(limit, 1), MAX_LISTED);
  }

  private List<RoomJson> views(
      String viewerId,
      List<Room> list,
      List<Membership> memberOf,
      Map<String, Access> rights,
      boolean withPermissions) {
    if (list.isEmpty()) {
      return List.of();
    }
    List<String> ids = list.stream().map(Room::id).toList();
    Map<String, Membership> theirs =
        memberOf.stream().collect(Collectors.toMap(Membership::troupeId, Function.identity()));
    Map<String, Group> communities = access.groupsOf(list);
    Map<String, UserJson> others = othersOf(list, viewerId);
    Map<String, Long> counts = memberCounts.of(ids);
    Map<String, UnreadStore.Counts> unread =
        viewerId == null ? Map.of() : unreads.counts(viewerId, ids);
    Set<String> muted =
        list.stream()
            .map(Room::id)
            .filter(id -> theirs.containsKey(id) && theirs.get(id).lurk())
            .collect(Collectors.toSet());
    Map<String, Long> lastSent = muted.isEmpty() ? Map.of() : messages.lastSent(muted);
    return list.stream()
        .map(
            room -> {
              Membership membership = theirs.get(room.id());
              UnreadStore.Counts counted = unread.getOrDefault(room.id(), NO_UNREAD);
              return RoomJson.of(
                  room,
                  room.groupId() == null
                      ? null
                      : communities.containsKey(room.groupId())
                          ? communities.get(room.groupId()).name()
                          : "",
                  membership,
                  rights.get(room.id()),
                  counts.getOrDefault(room.id(), 0L),
                  others.get(room.id()),
                  counted.unreadItems(),
                  counted.mentions(),
                  activity(membership, lastSent.get(room.id())),
                  withPermissions);
            })
        .toList();
  }

  /** Muted rooms show a dot when a message came after the person's last visit. */
  private static Boolean activity(Membership membership, Long lastSent) {
    if (membership == null || !membership.lurk()) {
      return null;
    }
    long lastVisit = membership.lastAccessTime() == null ? 0 : membership.lastAccessTime();
    return lastSent != null && lastSent > lastVisit;
  }

  /** The other person of each one-to-one room, in one query. */
  private Map<String, UserJson> othersOf(List<Room> list, String viewerId) {
    Map<String, String> otherByRoom = new HashMap<>();
    list.stream()
        .filter(Room::isOneToOne)
        .forEach(room -> otherByRoom.put(room.id(), room.otherUser(viewerId)));
    if (otherByRoom.isEmpty()) {
      return Map.of();
    }
    Map<String, UserJson> people =
        users.findByIdIn(Set.copyOf(otherByRoom.values())).stream()
            .collect(Collectors.toMap(User::id, UserJson::of));
    Map<String, UserJson> others = new HashMap<>();
    otherByRoom.forEach(
        (roomId, userId) -> {
          if (people.containsKey(userId)) {
            others.put(roomId, people.get(userId));
          }
        });
    return others;
  }

  /** Rooms found by id, in the order of the ids (a store answers {@code $in} in its own order). */
  private static List<Room> inOrder(Collection<String> ids, List<Room> found) {
    Map<String, Room> byId = found.stream().collect(Collectors.toMap(Room::id, r -> r));
    return ids.stream().map(byId::get).filter(r -> r != null).toList();
  }
}
