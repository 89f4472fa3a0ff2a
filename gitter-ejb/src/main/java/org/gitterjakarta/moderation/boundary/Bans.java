package org.gitterjakarta.moderation.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gitterjakarta.events.control.LiveEvents;
import org.gitterjakarta.events.control.Revocations;
import org.gitterjakarta.events.entity.Channels;
import org.gitterjakarta.events.entity.Envelope;
import org.gitterjakarta.events.entity.Revocation;
import org.gitterjakarta.memberships.boundary.Memberships;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.control.BanRepository;
import org.gitterjakarta.rooms.control.MembershipChanges;
import org.gitterjakarta.rooms.control.MembershipRepository;
import org.gitterjakarta.rooms.control.RoomAccess;
import org.gitterjakarta.rooms.entity.Membership;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.rooms.entity.RoomBan;
import org.gitterjakarta.rooms.entity.RoomSecurity;
import org.gitterjakarta.rooms.entity.UserBanned;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.users.boundary.Users;
import org.gitterjakarta.users.entity.User;
import org.gitterjakarta.wire.IsoDates;

/**
 * Room bans: admins ban people from public and community rooms (a banned person can no longer read,
 * write or join); in private rooms a ban only removes the person.
 */
@Stateless
public class Bans {

  private static final System.Logger LOGGER = System.getLogger(Bans.class.getName());

  @Inject Rooms rooms;
  @Inject RoomAccess access;
  @Inject BanRepository bans;
  @Inject MembershipChanges changes;
  @Inject MembershipRepository memberships;
  @Inject Memberships membershipChanges;
  @Inject Users users;
  @Inject Event<UserBanned> banned;
  @Inject LiveEvents events;
  @Inject Revocations revocations;

  /** The ban, or empty when the room is private and the person was only removed. */
  public Optional<BanJson> ban(
      String adminId, String roomId, String username, boolean removeMessages) {
    Room room = administered(adminId, roomId);
    if (room.isOneToOne()) {
      throw Problem.invalid("Nobody can be banned from a one-to-one room");
    }
    User user = existing(username);
    if (user.id().equals(adminId)) {
      throw Problem.invalid("You cannot ban yourself");
    }
    if (access.of(room, user.id()).admin()) {
      throw Problem.notAllowed("Room admins cannot be banned");
    }
    boolean member = memberships.findById(Membership.idOf(room.id(), user.id())).isPresent();
    if (member) {
      membershipChanges.remove(adminId, room.id(), user.id());
    }
    if (room.security() == RoomSecurity.PRIVATE) {
      return Optional.empty();
    }
    RoomBan ban = bans.save(RoomBan.of(room.id(), user.id(), adminId));
    if (!member) {
      // Readers of a public room hold its channels without being members: they go too.
      events.publish(Channels.roomUsers(room.id()), Envelope.remove(Map.of("id", user.id())));
    }
    // announced once the ban is stored: checked before, a public room would still be readable
    revocations.announce(Revocation.ofMember(room.id(), user.id()));
    banned.fire(new UserBanned(room.id(), user.id(), removeMessages));
    LOGGER.log(
        System.Logger.Level.INFO, "User {0} banned from {1} by {2}", user.id(), room.id(), adminId);
    return Optional.of(json(ban));
  }

  public List<BanJson> list(String adminId, String roomId) {
    Room room = administered(adminId, roomId);
    return bans.findByTroupeId(room.id()).stream().map(this::json).toList();
  }

  public BanJson get(String adminId, String roomId, String username) {
    Room room = administered(adminId, roomId);
    return bans.findById(RoomBan.idOf(room.id(), existing(username).id()))
        .map(this::json)
        .orElseThrow(() -> Problem.notFound("Ban not found"));
  }

  public void unban(String adminId, String roomId, String username) {
    Room room = administered(adminId, roomId);
    RoomBan ban =
        bans.findById(RoomBan.idOf(room.id(), existing(username).id()))
            .orElseThrow(() -> Problem.notFound("Ban not found"));
    bans.delete(ban);
    changes.changed(room.id(), ban.userId());
  }

  private Room administered(String adminId, String roomId) {
    var target = rooms.readableWithAccess(adminId, roomId);
    if (!target.access().admin()) {
      throw Problem.notAllowed("Only room admins can manage bans");
    }
    return target.room();
  }

  private User existing(String username) {
    if (username == null || username.isBlank()) {
      throw Problem.invalid("username is required");
    }
    return users.findByUsername(username).orElseThrow(() -> Problem.notFound("User not found"));
  }

  private BanJson json(RoomBan ban) {
    return new BanJson(
        users.findIncludingRemoved(ban.userId()).map(UserJson::of).orElse(null),
        users.findIncludingRemoved(ban.bannedBy()).map(UserJson::of).orElse(null),
        IsoDates.format(ban.dateBanned()));
  }
}
