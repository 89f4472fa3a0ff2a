package org.gitterjakarta.messages.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.gitterjakarta.events.boundary.LiveSubscription;
import org.gitterjakarta.messages.control.LatestPages;

/**
 * Hands the live events of other instances to the kept latest pages, so that a change made
 * elsewhere drops them here, and tells them whether those events arrive. Started with the
 * application; a command-line tool has no live subscription, so there nothing is kept.
 */
@ApplicationScoped
public class LatestPagesListener {

  @Inject LatestPages pages;

  /** Unresolvable in a command-line tool (no managed threads). */
  @Inject Instance<LiveSubscription> subscription;

  void listen(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (subscription.isResolvable()) {
      LiveSubscription live = subscription.get();
      live.listen(event -> pages.heard(event.channel()));
      pages.heardThrough(live::receiving);
    }
  }
}
