package org.gitterjakarta.memberships.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.gitterjakarta.rooms.control.BanRepository;
import org.gitterjakarta.rooms.control.MembershipRepository;
import org.gitterjakarta.rooms.entity.RoomDeleted;
import org.gitterjakarta.users.entity.AccountRemoved;

/** A deleted account leaves every room; a deleted room takes its bans along. */
@ApplicationScoped
public class MembershipCleanup {

  @Inject MembershipRepository memberships;

  @Inject BanRepository bans;

  void leaveAll(@Observes AccountRemoved removed) {
    memberships.findByUserId(removed.userId()).forEach(memberships::delete);
  }

  void dropBans(@Observes RoomDeleted deleted) {
    bans.findByTroupeId(deleted.roomId()).forEach(bans::delete);
  }
}
