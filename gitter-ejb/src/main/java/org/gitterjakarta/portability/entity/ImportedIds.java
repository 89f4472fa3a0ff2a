package org.gitterjakarta.portability.entity;

import org.gitterjakarta.wire.DerivedIds;

/**
 * The id an imported message gets in its new room, the same on every run (so a second run finds it
 * stored and adds nothing). It keeps the source id's first four bytes (seconds) and last three (the
 * sender process's counter), so history keeps its order; the five bytes between are derived from
 * the room and the source process, so a copy never takes the original's id, and two imports of one
 * file into different rooms do not meet.
 */
public final class ImportedIds {

  private ImportedIds() {}

  public static String of(String roomId, String sourceId) {
    String middle = DerivedIds.of("import:" + roomId + ":" + sourceId.substring(8, 18));
    return sourceId.substring(0, 8) + middle.substring(0, 10) + sourceId.substring(18);
  }
}
