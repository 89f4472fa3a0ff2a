package org.gitterjakarta.messages.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The latest history page of each room read lately, kept per instance: a busy room's newest page is
 * asked for far more often than it changes. A room's pages are dropped by every change of its
 * messages: at once on this instance (the store reports its own writes) and through the live event
 * every change publishes on the room's message channel for the other instances. A page lives {@link
 * #MAX_AGE_MILLIS} at most, which bounds what no event announces (a sender renaming themselves,
 * more readers of an already read message) and what a lost event would keep; while the live
 * subscription is down nothing is served from here.
 */
@ApplicationScoped
public class LatestPages {

  static final long MAX_AGE_MILLIS = 2000;
  static final int MAX_PAGES = 2000;
  private static final String ROOMS = "/api/v1/rooms/";
  private static final String MESSAGES = "/chatMessages";

  /**
   * Whether this application hears the other instances' live events, as its listener ({@code
   * messages.boundary.LatestPagesListener}) says; never in the command-line tools, which keep
   * nothing.
   */
  private volatile BooleanSupplier hearing = () -> false;

  /** Counts changes; a page is stamped with the count read before its query ran. */
  private final AtomicLong changes = new AtomicLong();

  private final Map<Page, Kept> pages = new ConcurrentHashMap<>();
  private final Map<String, Changed> lastChange = new ConcurrentHashMap<>();

  public void heardThrough(BooleanSupplier hearing) {
    this.hearing = hearing;
  }

  record Page(String roomId, int limit, boolean includeThreads) {}

  private record Kept(long stamp, long keptAt, List<?> messages) {}

  private record Changed(long stamp, long at) {}

  /**
   * The room's newest page from here when still exact, else from {@code query}, then kept; the page
   * is kept in the form the caller makes of it (the messages as clients see them).
   */
  @SuppressWarnings("unchecked")
  public <T> List<T> latest(
      String roomId, int limit, boolean includeThreads, Supplier<List<T>> query) {
    if (!hearing.getAsBoolean()) {
      return query.get();
    }
    Page key = new Page(roomId, limit, includeThreads);
    long now = System.currentTimeMillis();
    Kept kept = pages.get(key);
    if (kept != null && fresh(kept, roomId, now)) {
      return (List<T>) kept.messages();
    }
    // read before the query: a change after this moment gets a higher stamp and drops the page
    long stamp = changes.get();
    List<T> found = List.copyOf(query.get());
    if (pages.size() >= MAX_PAGES) {
      pages.clear();
    }
    pages.put(key, new Kept(stamp, now, found));
    return found;
  }

  private boolean fresh(Kept kept, String roomId, long now) {
    if (now - kept.keptAt() >= MAX_AGE_MILLIS) {
      return false;
    }
    Changed changed = lastChange.get(roomId);
    return changed == null || changed.stamp() <= kept.stamp();
  }

  /** A message of the room was stored, changed or removed: its kept pages are no longer exact. */
  public void changed(String roomId) {
    if (roomId == null) {
      return;
    }
    long now = System.currentTimeMillis();
    Changed change = new Changed(changes.incrementAndGet(), now);
    // two changes at once may arrive here out of order: the later stamp must stay
    lastChange.merge(roomId, change, (was, is) -> was.stamp() >= is.stamp() ? was : is);
    if (lastChange.size() > 4 * MAX_PAGES) {
      // a change older than a page's lifetime can no longer make any kept page stale
      lastChange.values().removeIf(c -> now - c.at() > MAX_AGE_MILLIS);
    }
  }

  /** A live event from another instance: a change on a room's message channel drops its pages. */
  public void heard(String channel) {
    changed(roomOf(channel));
  }

  /** The room of {@code /api/v1/rooms/<id>/chatMessages}, else null. */
  static String roomOf(String channel) {
    if (channel.startsWith(ROOMS) && channel.endsWith(MESSAGES)) {
      String roomId = channel.substring(ROOMS.length(), channel.length() - MESSAGES.length());
      return roomId.indexOf('/') < 0 ? roomId : null;
    }
    return null;
  }
}
