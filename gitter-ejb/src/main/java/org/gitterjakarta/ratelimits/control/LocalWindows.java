package org.gitterjakarta.ratelimits.control;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed windows counted in this instance's memory: the rate limits' stand-in while Redis is away.
 * Bounded: past {@link #MAX_KEYS} keys the oldest windows are forgotten all at once.
 */
public final class LocalWindows {

  static final int MAX_KEYS = 100_000;

  private record Window(long count, long resetAtMillis) {}

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  /** Counts one event; {count in the window, when the window resets}. */
  public long[] hit(String key, long windowMillis, long now) {
    if (windows.size() >= MAX_KEYS) {
      windows.clear();
    }
    Window window =
        windows.compute(
            key,
            (k, current) ->
                current == null || current.resetAtMillis() <= now
                    ? new Window(1, now + windowMillis)
                    : new Window(current.count() + 1, current.resetAtMillis()));
    return new long[] {window.count(), window.resetAtMillis()};
  }

  public void forget(String key) {
    windows.remove(key);
  }

  public long peek(String key, long now) {
    Window window = windows.get(key);
    return window == null || window.resetAtMillis() <= now ? 0 : window.count();
  }
}
