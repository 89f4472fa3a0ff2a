package org.gitterjakarta.web.chat;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.gitterjakarta.messages.boundary.Archives;
import org.gitterjakarta.messages.boundary.ChatMessageJson;
import org.gitterjakarta.problems.Problem;
import org.gitterjakarta.rooms.boundary.Rooms;
import org.gitterjakarta.rooms.entity.Room;
import org.gitterjakarta.web.pages.Responses;
import org.gitterjakarta.web.security.WebSession;

/**
 * A room's public archives at {@code /<community>/<room>/archives[/YYYY/MM/DD[/H-H+1]]}: the
 * calendar of the last year, or one UTC day (hour by hour past {@value Archives#DAY_LIMIT}
 * messages). Readable signed out for public rooms; other rooms as their read rules say, else 404.
 */
@Named
@RequestScoped
public class RoomArchive {

  @Inject WebSession session;
  @Inject Rooms rooms;
  @Inject Archives archives;
  @Inject FacesContext faces;

  private String uri;
  private String date;
  private String hour;
  private Room room;
  private LocalDate day;
  private List<ChatMessageJson> dayMessages;

  /** f:viewAction: resolves the room and the day, or answers 404. */
  public void load() {
    try {
      if (uri == null || !uri.contains("/")) {
        throw Problem.notFound("Room not found");
      }
      room = rooms.resolve(session.userId(), uri);
      if (date != null) {
        day = LocalDate.parse(date);
        dayMessages = archives.day(session.userId(), room.id(), day, hourNumber());
      }
    } catch (Problem | DateTimeParseException | NumberFormatException refused) {
      Responses.notFound(faces);
    }
  }

  public boolean isCalendar() {
    return day == null;
  }

  /** Too many messages for one page: the day is offered hour by hour. */
  public boolean isHourly() {
    return hour == null && dayMessages != null && dayMessages.size() > Archives.DAY_LIMIT;
  }

  public List<ChatMessageJson> getMessages() {
    return isHourly() || dayMessages == null ? List.of() : dayMessages;
  }

  public List<Integer> getHours() {
    return java.util.stream.IntStream.range(0, 24).boxed().toList();
  }

  /** The months of the last year, newest first, each with its days that have messages. */
  public List<Month> getMonths() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    SortedMap<LocalDate, Integer> days = archives.calendar(session.userId(), room.id(), today);
    List<Month> months = new ArrayList<>();
    for (int back = 0; back <= 12; back++) {
      YearMonth month = YearMonth.from(today).minusMonths(back);
      var inMonth =
          days.subMap(month.atDay(1), month.atEndOfMonth().plusDays(1)).entrySet().stream()
              .map(e -> new Day(e.getKey(), e.getValue()))
              .toList();
      months.add(new Month(month.toString(), inMonth));
    }
    return months;
  }

  public String link(LocalDate target) {
    return "/" + room.uri() + "/archives/" + target.toString().replace('-', '/');
  }

  public String getPrevious() {
    return link(day.minusDays(1));
  }

  public String getNext() {
    return day.isBefore(LocalDate.now(ZoneOffset.UTC)) ? link(day.plusDays(1)) : null;
  }

  /** "Friday 4 December 2026": archive days as people read them. */
  public String humanDay(LocalDate date) {
    return date == null
        ? ""
        : date.format(
            java.time.format.DateTimeFormatter.ofPattern(
                "EEEE d MMMM yyyy", java.util.Locale.ENGLISH));
  }

  public record Month(String name, List<Day> days) {}

  /** A day with messages. */
  public record Day(LocalDate date, int count) {}

  public Room getRoom() {
    return room;
  }

  public LocalDate getDay() {
    return day;
  }

  public String getUri() {
    return uri;
  }

  public void setUri(String uri) {
    this.uri = uri;
  }

  public String getDate() {
    return date;
  }

  public void setDate(String date) {
    this.date = date;
  }

  /** The {@code hour} parameter read here, so that a malformed one is a 404, not a failed view. */
  private Integer hourNumber() {
    return hour == null || hour.isEmpty() ? null : Integer.valueOf(hour);
  }

  public String getHour() {
    return hour;
  }

  public void setHour(String hour) {
    this.hour = hour;
  }
}
