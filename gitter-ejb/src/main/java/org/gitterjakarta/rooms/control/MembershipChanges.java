package org.gitterjakarta.rooms.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import java.util.function.BooleanSupplier;
import org.gitterjakarta.events.control.LiveEvents;
import org.gitterjakarta.rooms.entity.MemberJoined;
import org.gitterjakarta.rooms.entity.MemberLeft;
import org.gitterjakarta.rooms.entity.MembershipChanged;

/**
 * Tells every instance that memberships changed, for what they keep about members and rights
 * ({@link AccessFacts}, {@link MemberFlags}): a {@link MembershipChanged} is observed here at once,
 * before the request that made it answers, and is published on {@link #CHANNEL}. The application's
 * listener ({@code rooms.boundary.MembershipListener}) turns what other instances publish into the
 * same CDI events here and says whether it hears them: without it nothing may be kept.
 */
@ApplicationScoped
public class MembershipChanges {

  /** The internal live channel of membership changes; never a Bayeux channel clients can use. */
  public static final String CHANNEL = "/gitter/internal/memberships";

  // looked up once: each Json.createReader() call searches the class path for a provider
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject Event<MembershipChanged> changedHere;
  @Inject LiveEvents events;

  /** Nothing hears other instances until a listener says it does (never in a command-line tool). */
  private volatile BooleanSupplier hearing = () -> false;

  /** Whether changes made on other instances reach this application now. */
  public boolean hearsOthers() {
    return hearing.getAsBoolean();
  }

  /** Called by the application's listener: how to tell whether it hears other instances. */
  public void heardThrough(BooleanSupplier hearing) {
    this.hearing = hearing;
  }

  public void changed(String roomId, String userId) {
    changedHere.fire(new MembershipChanged(roomId, userId));
    var json = JSON.createObjectBuilder().add("roomId", roomId).add("userId", userId).build();
    events.publishJson(CHANNEL, json.toString());
  }

  void joined(@Observes MemberJoined joined) {
    changed(joined.room().id(), joined.userId());
  }

  void left(@Observes MemberLeft left) {
    changed(left.room().id(), left.userId());
  }

  /** A change published by another instance, as the listener read it. */
  public void heard(String roomId, String userId) {
    changedHere.fire(new MembershipChanged(roomId, userId));
  }
}
