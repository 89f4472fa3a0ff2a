package org.gitterjakarta.events.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.gitterjakarta.events.entity.Revocation;

/**
 * Announces taken-away access on the live stream, after the change is stored. A lost announcement
 * is caught by the live paths' own periodic checks; this makes the cut-off immediate.
 */
@ApplicationScoped
public class Revocations {

  @Inject LiveEvents live;

  public void announce(Revocation revocation) {
    live.publishJson(Revocation.CHANNEL, revocation.toJson());
  }
}
