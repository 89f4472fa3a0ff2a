package org.gitterjakarta.portability.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gitterjakarta.messages.boundary.ChatMessageJson;
import org.gitterjakarta.messages.control.MessageStore;
import org.gitterjakarta.messages.entity.ChatMessage;
import org.gitterjakarta.portability.control.MemberPages;
import org.gitterjakarta.roomviews.boundary.RoomViews;
import org.gitterjakarta.users.boundary.UserJson;
import org.gitterjakarta.users.boundary.Users;

/**
 * Writes export files as JSON lines in the API's shapes. Messages and members are read in keyset
 * batches by id (messages oldest first), each batch written and flushed before the next is read, so
 * a room of any size takes the memory of one batch; no cursor stays open while a slow client reads.
 */
@ApplicationScoped
public class ExportStreams {

  static final int BATCH = 500;
  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject MessageStore store;
  @Inject Users users;
  @Inject RoomViews roomViews;
  @Inject MemberPages members;

  void me(String userId, OutputStream out) throws IOException {
    Writer lines = writer(out);
    users.find(userId).ifPresent(user -> line(lines, UserJson.self(user)));
    lines.flush();
  }

  void rooms(String userId, OutputStream out) throws IOException {
    Writer lines = writer(out);
    for (Object room : roomViews.roomsOf(userId)) {
      line(lines, room);
    }
    lines.flush();
  }

  void messagesOf(String userId, OutputStream out) throws IOException {
    messages(out, after -> store.userBatch(userId, after, BATCH));
  }

  void messagesIn(String roomId, OutputStream out) throws IOException {
    messages(out, after -> store.roomBatch(roomId, after, BATCH));
  }

  private void messages(OutputStream out, Function<String, List<ChatMessage>> batches)
      throws IOException {
    Writer lines = writer(out);
    String after = null;
    List<ChatMessage> batch;
    do {
      batch = batches.apply(after);
      Map<String, UserJson> senders = new HashMap<>();
      for (ChatMessage message : batch) {
        UserJson sender =
            senders.computeIfAbsent(
                message.fromUserId(),
                id -> users.findIncludingRemoved(id).map(UserJson::of).orElse(null));
        line(lines, ChatMessageJson.of(message, sender));
        after = message.id();
      }
      lines.flush();
    } while (batch.size() == BATCH);
  }

  void membersOf(String roomId, OutputStream out) throws IOException {
    Writer lines = writer(out);
    String after = null;
    List<String> batch;
    do {
      batch = members.userIds(roomId, after, BATCH);
      for (String userId : batch) {
        users.find(userId).ifPresent(user -> line(lines, UserJson.of(user)));
        after = userId;
      }
      lines.flush();
    } while (batch.size() == BATCH);
  }

  private static Writer writer(OutputStream out) {
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
  }

  private static void line(Writer lines, Object value) {
    try {
      lines.write(JSON.toJson(value));
      lines.write('\n');
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
