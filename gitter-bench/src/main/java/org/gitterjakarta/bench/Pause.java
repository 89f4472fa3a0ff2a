package org.gitterjakarta.bench;

/** Sleeping in the bench's loops: an interrupt ends the run instead of being swallowed. */
public final class Pause {

  private Pause() {}

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
