package org.gitterjakarta.rooms.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.gitterjakarta.users.boundary.AccountRemoved;

/** A deleted account leaves every room. */
@ApplicationScoped
public class MembershipCleanup {

  @Inject MembershipRepository memberships;

  void leaveAll(@Observes AccountRemoved removed) {
    memberships.findByUserId(removed.userId()).forEach(memberships::delete);
  }
}
