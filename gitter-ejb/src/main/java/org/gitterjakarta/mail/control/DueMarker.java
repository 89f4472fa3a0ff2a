package org.gitterjakarta.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.gitterjakarta.rooms.control.RoomCache;
import org.gitterjakarta.rooms.control.RoomRepository;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.unread.entity.UnreadArrived;

/**
 * Notes who may get a digest and from when: a first unread message after the unread delay, a
 * mention or a one-to-one message after the mention delay. The only mail work on a message's way is
 * this one Redis command (for the people whose first unread it is); the digest job does the rest,
 * later.
 */
@ApplicationScoped
public class DueMarker {

  private static final System.Logger LOGGER = System.getLogger(DueMarker.class.getName());

  @Inject MailSettings settings;
  @Inject MailQueue queue;
  @Inject RoomCache rooms;
  @Inject RoomRepository roomRepository;

  void arrived(@Observes UnreadArrived news) {
    if (!settings.enabled()) {
      return;
    }
    try {
      mark(news);
    } catch (RuntimeException e) {
      // the unread change itself is done; a lost mark costs at most this one digest
      LOGGER.log(System.Logger.Level.WARNING, "Unread digest not scheduled: {0}", e.toString());
    }
  }

  private void mark(UnreadArrived news) {
    long soon = news.sent() + settings.mentionDelay().toMillis();
    queue.due(news.mentioned(), soon);
    if (!news.firstUnread().isEmpty()) {
      boolean oneToOne =
          rooms
              .rooms()
              .find(news.roomId(), roomRepository::findById)
              .map(Room::isOneToOne)
              .orElse(false);
      queue.due(
          news.firstUnread(), oneToOne ? soon : news.sent() + settings.unreadDelay().toMillis());
    }
  }
}
