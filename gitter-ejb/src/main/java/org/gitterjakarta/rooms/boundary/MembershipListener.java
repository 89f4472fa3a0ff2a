package org.gitterjakarta.rooms.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import org.gitterjakarta.events.boundary.LiveSubscription;
import org.gitterjakarta.events.entity.Revocation;
import org.gitterjakarta.rooms.control.MembershipChanges;

/**
 * Hears the membership changes and revocations other instances publish and fires them here as the
 * CDI events this instance's own changes fire, so what is kept about members and rights is
 * forgotten everywhere. Started with the application; a command-line tool has no live subscription,
 * so there nothing is kept.
 */
@ApplicationScoped
public class MembershipListener {

  // looked up once: each Json.createReader() call searches the class path for a provider
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject MembershipChanges changes;
  @Inject Event<Revocation> revoked;

  /** Unresolvable in a command-line tool (no managed threads). */
  @Inject Instance<LiveSubscription> subscription;

  void listen(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (subscription.isResolvable()) {
      LiveSubscription live = subscription.get();
      live.listen(this::heard);
      changes.heardThrough(live::receiving);
    }
  }

  private void heard(LiveSubscription.Live event) {
    if (MembershipChanges.CHANNEL.equals(event.channel())) {
      try (var reader = JSON.createReader(new StringReader(event.dataJson()))) {
        JsonObject change = reader.readObject();
        changes.heard(change.getString("roomId"), change.getString("userId"));
      }
    } else if (Revocation.CHANNEL.equals(event.channel())) {
      revoked.fire(Revocation.parse(event.dataJson()));
    }
  }
}
