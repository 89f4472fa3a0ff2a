package org.gitterjakarta.messages.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedMap;
import org.gitterjakarta.messages.control.MessageStore;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.entity.Room;

/**
 * A room's archives: the days of the last year with their message counts, and one UTC day's
 * messages (at most {@value #DAY_LIMIT}; past that, the day is read hour by hour). Read permission
 * as for the room: public rooms are readable without signing in.
 */
@Stateless
public class Archives {

  public static final int DAY_LIMIT = 1500;
  static final LocalDate FIRST_DAY = LocalDate.of(2013, 12, 1);

  @Inject Rooms rooms;
  @Inject MessageStore store;
  @Inject Messages messages;

  /** UTC day → number of messages, for the year up to {@code today}. */
  public SortedMap<LocalDate, Integer> calendar(String userId, String roomId, LocalDate today) {
    Room room = rooms.readable(userId, roomId);
    long from = startOf(today.minusYears(1));
    long to = startOf(today.plusDays(1));
    var days = new java.util.TreeMap<LocalDate, Integer>();
    store
        .perDay(room.id(), from, to)
        .forEach(
            (start, count) ->
                days.put(
                    java.time.Instant.ofEpochMilli(start).atZone(ZoneOffset.UTC).toLocalDate(),
                    count));
    return days;
  }

  /**
   * The messages of a UTC day, or of one hour of it ({@code hour} 0–23, or null for the day).
   *
   * @return up to {@value #DAY_LIMIT} + 1 messages: one more than the limit says "use hours"
   */
  public List<ChatMessageJson> day(String userId, String roomId, LocalDate day, Integer hour) {
    Room room = rooms.readable(userId, roomId);
    if (day.isBefore(FIRST_DAY) || day.isAfter(LocalDate.now(ZoneOffset.UTC))) {
      throw Problem.notFound("No archive for " + day);
    }
    if (hour != null && (hour < 0 || hour > 23)) {
      throw Problem.invalid("hour must be 0 to 23");
    }
    long from = startOf(day) + (hour == null ? 0 : hour * 3_600_000L);
    long to = hour == null ? startOf(day.plusDays(1)) : from + 3_600_000L;
    return messages.json(store.between(room.id(), from, to, DAY_LIMIT + 1));
  }

  private static long startOf(LocalDate day) {
    return day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
  }
}
