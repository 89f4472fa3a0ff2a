package org.gitterjakarta.messages.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.gitterjakarta.messages.control.MessageStore;
import org.gitterjakarta.messages.control.ReadByBatch;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.users.boundary.Users;

/** Read receipts: recorded when people mark messages read, listed per message. */
@Stateless
public class ReadBy {

  @Inject ReadByBatch batch;
  @Inject MessageStore store;
  @Inject Rooms rooms;
  @Inject Users users;

  /** Called after the room's read permission was checked. */
  public void read(String roomId, String userId, Collection<String> messageIds) {
    batch.record(roomId, userId, messageIds);
  }

  public List<UserJson> readers(String userId, String roomId, String messageId) {
    Room room = rooms.readable(userId, roomId);
    Messages.validId(messageId);
    return store
        .readers(room.id(), messageId)
        .orElseThrow(() -> Problem.notFound("Message not found"))
        .readerIds()
        .stream()
        .map(users::find)
        .flatMap(Optional::stream)
        .map(UserJson::of)
        .toList();
  }
}
