package org.gitterjakarta.testsupport;

/** Sleeping in polling loops: an interrupt ends the wait with an exception, never swallowed. */
public final class Pause {

  private Pause() {}

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
