package org.gitterjakarta.events.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.gitterjakarta.events.entity.Revocation;

/**
 * Announces taken-away access on the live stream, after the change is stored. A lost announcement
 * is caught by the live paths' own periodic checks; this makes the cut-off immediate. Observers in
 * this instance hear it first (as a CDI event), so what it keeps about access is forgotten before
 * the request that took access away answers.
 */
@ApplicationScoped
public class Revocations {

  @Inject LiveEvents live;
  @Inject Event<Revocation> here;

  public void announce(Revocation revocation) {
    here.fire(revocation);
    live.publishJson(Revocation.CHANNEL, revocation.toJson());
  }
}
