package org.gitterjakarta.memberships.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Map;
import org.gitterjakarta.events.control.LiveEvents;
import org.gitterjakarta.events.entity.Channels;
import org.gitterjakarta.events.entity.Envelope;
import org.gitterjakarta.events.entity.Notification;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.control.DefaultModes;
import org.gitterjakarta.rooms.control.MembershipChanges;
import org.gitterjakarta.rooms.control.MembershipRepository;
import org.gitterjakarta.rooms.entity.Membership;
import org.gitterjakarta.rooms.entity.NotificationMode;
import org.gitterjakarta.rooms.entity.NotificationMode.Flags;
import org.gitterjakarta.users.control.SettingsStore;

/**
 * Notification modes: per room, and the person's default for rooms they join later. A room that
 * follows the default (its default bit is set) changes with it.
 */
@Stateless
public class NotificationSettings {

  @Inject Rooms rooms;
  @Inject MembershipRepository memberships;
  @Inject DefaultModes defaults;
  @Inject SettingsStore settings;
  @Inject LiveEvents events;
  @Inject MembershipChanges membershipChanges;

  public NotificationSettingsJson get(String userId, String roomId) {
    Membership membership = membershipOf(userId, roomId);
    return NotificationSettingsJson.of(membership.flags(), defaults.of(userId));
  }

  public NotificationSettingsJson change(String userId, String roomId, String modeName) {
    NotificationMode mode = parse(modeName);
    Membership membership = membershipOf(userId, roomId);
    Membership changed = membership.withFlags(mode.bits());
    memberships.save(changed);
    membershipChanges.changed(changed.troupeId(), userId);
    announceLurk(membership, changed);
    return NotificationSettingsJson.of(changed.flags(), defaults.of(userId));
  }

  /**
   * The mode of rooms joined from now on; {@code override} also rewrites every room of the person,
   * otherwise only rooms still following the default change.
   */
  public void changeDefault(String userId, String modeName, boolean override) {
    NotificationMode mode = parse(modeName);
    settings.put(
        userId,
        Map.of(DefaultModes.SETTING, Map.of("mode", mode.wireName(), "override", override)));
    int flags = mode.bits() | Flags.DEFAULT;
    for (Membership membership : memberships.findByUserId(userId)) {
      if (override || membership.has(Flags.DEFAULT)) {
        Membership changed = membership.withFlags(flags);
        memberships.save(changed);
        membershipChanges.changed(changed.troupeId(), userId);
        announceLurk(membership, changed);
      }
    }
  }

  private void announceLurk(Membership before, Membership after) {
    if (before.lurk() == after.lurk()) {
      return;
    }
    String userId = after.userId();
    String roomId = after.troupeId();
    events.notify(
        Channels.userUnread(userId, roomId),
        Notification.of("lurk_change", Map.of("lurk", after.lurk())));
    events.publish(
        Channels.userRooms(userId), Envelope.patch(Map.of("id", roomId, "lurk", after.lurk())));
  }

  private Membership membershipOf(String userId, String roomId) {
    var room = rooms.readable(userId, roomId);
    return memberships
        .findById(Membership.idOf(room.id(), userId))
        .orElseThrow(() -> Problem.notFound("You are not in this room"));
  }

  private static NotificationMode parse(String modeName) {
    return NotificationMode.parse(modeName)
        .orElseThrow(
            () -> Problem.invalid("mode must be one of all, announcement, mute: " + modeName));
  }
}
