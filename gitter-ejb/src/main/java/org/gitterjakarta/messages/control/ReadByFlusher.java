package org.gitterjakarta.messages.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gitterjakarta.events.control.LiveEvents;
import org.gitterjakarta.events.entity.Channels;
import org.gitterjakarta.events.entity.Envelope;

/**
 * Writes the waiting first reads to their messages every second (Gitter batched every 0.6 s). A
 * message going from read by nobody to read gets a {@code patch {id, readBy, v}} on its room's
 * channel. Instances share the list; each read is taken by one of them. A batch is marked done only
 * once written, so one whose write failed (MongoDB away) is written by a later flush.
 */
@Singleton
public class ReadByFlusher {

  static final int BATCH = 1000;
  private static final System.Logger LOGGER = System.getLogger(ReadByFlusher.class.getName());

  @Inject ReadByBatch batch;
  @Inject MessageStore store;
  @Inject LiveEvents events;

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  void flush() {
    try {
      List<ReadByBatch.Read> reads;
      while (!(reads = batch.take(BATCH)).isEmpty()) {
        write(reads);
        batch.done();
      }
    } catch (RuntimeException e) {
      LOGGER.log(
          System.Logger.Level.WARNING,
          "Read receipts not written; the batch is taken again at the next flush",
          e);
    }
  }

  /** Exposed to tests and the benchmark, which cannot wait for the timer. */
  public void flushNow() {
    flush();
  }

  private void write(List<ReadByBatch.Read> reads) {
    Map<String, Set<String>> readersByMessage = new LinkedHashMap<>();
    Map<String, String> roomOf = new LinkedHashMap<>();
    for (ReadByBatch.Read read : reads) {
      readersByMessage
          .computeIfAbsent(read.messageId(), id -> new LinkedHashSet<>())
          .add(read.userId());
      roomOf.put(read.messageId(), read.roomId());
    }
    readersByMessage.forEach(
        (messageId, userIds) -> {
          String roomId = roomOf.get(messageId);
          store
              .readers(roomId, messageId)
              .ifPresent(
                  known -> {
                    List<String> fresh = new ArrayList<>(userIds);
                    fresh.remove(known.senderId());
                    fresh.removeAll(known.readerIds());
                    if (fresh.isEmpty()) {
                      return;
                    }
                    store.addReaders(roomId, messageId, fresh);
                    if (known.readerIds().isEmpty()) {
                      events.publish(
                          Channels.roomMessages(roomId),
                          Envelope.patch(
                              Map.of("id", messageId, "readBy", fresh.size(), "v", known.v())));
                    }
                  });
        });
  }
}
