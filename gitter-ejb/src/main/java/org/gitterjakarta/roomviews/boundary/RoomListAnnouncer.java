package org.gitterjakarta.roomviews.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.gitterjakarta.events.control.LiveEvents;
import org.gitterjakarta.events.entity.Channels;
import org.gitterjakarta.events.entity.Envelope;
import org.gitterjakarta.rooms.entity.MemberJoined;

/**
 * The person's room list hears of a room they are now in (Gitter's {@code create} on {@code
 * /user/:id/rooms}): a room joined in another tab, or one they were added to, appears without a
 * reload.
 */
@ApplicationScoped
public class RoomListAnnouncer {

  @Inject RoomViews views;
  @Inject LiveEvents events;

  void joined(@Observes MemberJoined joined) {
    events.publish(
        Channels.userRooms(joined.userId()),
        Envelope.create(views.view(joined.userId(), joined.room(), false)));
  }
}
