package org.gitterjakarta.portability.entity;

/**
 * A message read from an export file or a Gitter API page, checked and ready to store: where it was
 * in the file ({@code line}), its id there, what was said, when, and by whom.
 */
public record ImportedMessage(
    int line,
    String sourceId,
    String text,
    long sent,
    Long editedAt,
    boolean status,
    String parentSourceId,
    int threadMessageCount,
    Author author) {

  /**
   * The sender as the file names them: a username, the name people saw, and whether their account
   * was deleted there.
   */
  public record Author(String username, String displayName, boolean removed) {}
}
